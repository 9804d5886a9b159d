/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * The streams of django-activity-stream, over the same queries as {@link ObjectActions}. Each returns
 * a query that accepts further filters and pages by keyset.
 */
public interface Streams {

    /**
     * Actions whose actor is the entity ({@code actor_stream}).
     *
     * @param object an entity
     * @return the query
     */
    ActionQuery actor(Object object);

    /**
     * Actions whose target is the entity ({@code target_stream}).
     *
     * @param object an entity
     * @return the query
     */
    ActionQuery target(Object object);

    /**
     * Actions whose related object is the entity ({@code action_object_stream}).
     *
     * @param object an entity
     * @return the query
     */
    ActionQuery actionObject(Object object);

    /**
     * Actions in which any instance of the entity class takes part, in any role ({@code model_stream}).
     *
     * @param entityType the entity class
     * @return the query
     */
    ActionQuery model(Class<?> entityType);

    /**
     * Actions in which the entity takes part, in any role ({@code any_stream}).
     *
     * @param object an entity
     * @return the query
     */
    ActionQuery any(Object object);

    /**
     * What the user follows ({@code user_stream}): the user's {@linkplain ObjectActions#feed(boolean) feed}
     * without {@code includeOwn}, so the user's own actions appear only where a tracker matches them.
     *
     * @param user the user
     * @return the query
     */
    default ActionQuery user(Object user) {
        return user(user, false);
    }

    /**
     * What the user follows; with {@code withUserActivity} also the user's own actions.
     *
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @param withUserActivity also every action in which the user is the actor
     * @return the query
     */
    ActionQuery user(Object user, boolean withUserActivity);
}
