/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * The actions in which one entity takes part: the Java form of django-actrack's
 * {@code instance.actions} manager. Every method returns a query that accepts further filters.
 */
public interface ObjectActions {

    /**
     * Actions in which the entity is the actor, a target or a related object.
     *
     * @return the query
     */
    ActionQuery all();

    /**
     * Actions in which the entity is the actor.
     *
     * @return the query
     */
    ActionQuery asActor();

    /**
     * Actions in which the entity is a target.
     *
     * @return the query
     */
    ActionQuery asTarget();

    /**
     * Actions in which the entity is a related object.
     *
     * @return the query
     */
    ActionQuery asRelated();

    /**
     * The feed of the entity as a user: what its trackers match, with {@code includeOwn} off; see
     * {@link #feed(boolean)}.
     *
     * @return the query
     */
    default ActionQuery feed() {
        return feed(false);
    }

    /**
     * The feed of the entity as a user: every action matched by one of the user's trackers, at or above
     * the {@linkplain SettingKeys#READABLE_LEVEL readable level}, including actions logged before the
     * tracker was created.
     *
     * <p>{@code includeOwn} adds every action the user is the actor of. Without it, the user's own actions
     * are <em>not filtered out</em>: an action of the user's that one of the user's trackers matches (the
     * user tracks a project and edits it, or tracks itself) is in the feed either way, as in django-actrack.
     *
     * @param includeOwn also every action in which the user is the actor, tracked or not
     * @return the query
     * @throws ActrackException when {@link SettingKeys#USER_TYPE} names another entity type
     */
    ActionQuery feed(boolean includeOwn);

    /**
     * The feed of the entity as a user, as a reader may see it: what the user's trackers match, each tracker counting
     * only as far as {@code scope} lets it ({@link FeedScope#limits}, applied inside the query: pages stay full, counts
     * true), at or above the {@linkplain SettingKeys#READABLE_LEVEL readable level}. With {@link FeedScope#ALL} it is
     * {@link #feed()}; cursors of the two are interchangeable (a position is a position).
     *
     * @param scope which trackers count, and how far
     * @return the query
     * @throws ActrackException when {@link SettingKeys#USER_TYPE} names another entity type
     */
    ActionQuery feed(FeedScope scope);
}
