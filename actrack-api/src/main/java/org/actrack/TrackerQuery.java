/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;
import java.util.Set;

/** A query over trackers; immutable, every filter returns a new query. Results are ordered by creation. */
public interface TrackerQuery {

    /**
     * Only trackers that track every verb or at least one of these verbs.
     *
     * @param verbs the verbs
     * @return the query
     */
    TrackerQuery verbs(String... verbs);

    /**
     * Only trackers of objects of these entity classes (instances and whole types); none means all.
     *
     * @param types the entity classes
     * @return the query
     */
    TrackerQuery ofTypes(Class<?>... types);

    /**
     * Only trackers with this {@linkplain Tracker#flag() flag}: who likes an object
     * ({@code log.trackers(post).tracking().flagged("liking").owners()}), what a user watches.
     *
     * @param flag the flag
     * @return the query
     */
    TrackerQuery flagged(String flag);

    /**
     * The trackers, with owners and tracked objects resolved.
     *
     * @return the trackers
     */
    List<Tracker> list();

    /**
     * How many trackers match.
     *
     * @return how many trackers match
     */
    long count();

    /**
     * The distinct owners of the trackers, resolved to entities.
     *
     * @return the distinct owners of the trackers, resolved to entities
     */
    List<Object> owners();

    /**
     * The distinct tracked objects: entities, and entity classes for whole-type trackers.
     *
     * @return the distinct tracked objects: entities, and entity classes for whole-type trackers
     */
    Set<Object> trackedObjects();
}
