/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.Map;
import java.util.SortedSet;

/**
 * The streams of django-activity-stream, over the same queries as {@link ObjectActions}. Each returns
 * a query that accepts further filters and pages by keyset. An application adds streams of its own by name
 * ({@link ActionStream}, {@link #named}).
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

    /**
     * A {@linkplain ActionStream custom stream}, by its name.
     *
     * <pre>{@code
     * ActionPage page = log.streams().named("mystream", member, Map.of("verb", "commented")).page(20);
     * }</pre>
     *
     * @param name the stream's {@link StreamName}
     * @param subject the entity it is read for, or an entity class for a whole type
     * @param arguments the stream's arguments by name (see {@link StreamArguments#of})
     * @return the query the stream builds, which accepts further filters
     * @throws ActrackException with {@link ErrorCode#UNKNOWN_STREAM} when no stream has the name, with
     *         {@link ErrorCode#INVALID_STREAM_ARGUMENT} for an argument the stream cannot use, or with
     *         {@link ErrorCode#STREAM_WITHOUT_QUERY} when the stream returns none
     */
    ActionQuery named(String name, Object subject, Map<String, ?> arguments);

    /**
     * A {@linkplain ActionStream custom stream} without arguments.
     *
     * @param name the stream's {@link StreamName}
     * @param subject the entity it is read for, or an entity class for a whole type
     * @return the query the stream builds
     * @throws ActrackException as {@link #named(String, Object, Map)}
     */
    default ActionQuery named(String name, Object subject) {
        return named(name, subject, Map.of());
    }

    /**
     * The names of the custom streams there are.
     *
     * @return the names, sorted
     */
    SortedSet<String> names();
}
