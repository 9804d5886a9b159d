/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;
import java.util.Set;

/**
 * The trackers around one entity: the Java form of django-actrack's {@code instance.trackers} manager.
 */
public interface ObjectTrackers {

    /**
     * Trackers that track the entity, and those it owns as a user.
     *
     * @return the query
     */
    TrackerQuery all();

    /**
     * Trackers that track the entity (not whole-type trackers of its type).
     *
     * @return the query
     */
    TrackerQuery tracking();

    /**
     * Trackers the entity owns as a user.
     *
     * @return the query
     * @throws ActrackException when {@link SettingKeys#USER_TYPE} names another entity type
     */
    TrackerQuery owned();

    /**
     * The users tracking the entity; a shortcut for {@code tracking().owners()}.
     *
     * @return the users tracking the entity; a shortcut for {@code tracking().owners()}
     */
    default List<Object> users() {
        return tracking().owners();
    }

    /**
     * What the entity tracks as a user: entities, and entity classes for whole-type trackers; only of
     * the given entity classes when any are given. A shortcut for {@code owned().ofTypes(types).trackedObjects()}.
     *
     * @param types the entity classes
     * @return what the entity tracks as a user: entities, and entity classes for whole-type trackers; only of the given entity classes when any are given
     */
    default Set<Object> tracked(Class<?>... types) {
        return owned().ofTypes(types).trackedObjects();
    }
}
