package org.actrack;

/**
 * The actions in which one entity takes part: the Java form of django-actrack's
 * {@code instance.actions} manager. Every method returns a query that accepts further filters.
 */
public interface ObjectActions {

    /** Actions in which the entity is the actor, a target or a related object. */
    ActionQuery all();

    /** Actions in which the entity is the actor. */
    ActionQuery asActor();

    /** Actions in which the entity is a target. */
    ActionQuery asTarget();

    /** Actions in which the entity is a related object. */
    ActionQuery asRelated();

    /** The feed of the entity as a user, without the user's own actions; see {@link #feed(boolean)}. */
    default ActionQuery feed() {
        return feed(false);
    }

    /**
     * The feed of the entity as a user: every action matched by one of the user's trackers, at or above
     * the {@linkplain SettingKeys#READABLE_LEVEL readable level}, including actions logged before the
     * tracker was created.
     *
     * @param includeOwn also the actions in which the user is the actor
     * @throws ActrackException when {@link SettingKeys#USER_TYPE} names another entity type
     */
    ActionQuery feed(boolean includeOwn);
}
