/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One group of a {@linkplain GroupedQuery grouped page}: the actions of one verb with the same grouping object in one
 * time bucket ({@link ReadGrouping}), summed up as a notification shows them ("alice and 3 others commented on the
 * report").
 *
 * @param key what identifies the group within its query, stable between reads: its verb, grouping object and bucket
 *        (for an ungrouped verb, its action's id); opaque
 * @param verb the verb of every action of the group
 * @param object what the actions have in common ({@link ReadGrouping.By#TARGET}: the first target;
 *        {@link ReadGrouping.By#ACTOR}: the actor), or {@code null} when the rule names none or the actions have none
 * @param members the group's newest actions, newest first, at most {@link GroupedQuery#members(int)}
 * @param actionCount how many actions the group has ({@code members} shows the newest of them)
 * @param actorCount how many distinct actors its actions have (actions without an actor are not counted)
 * @param newest the time of the group's newest action, by which groups are ordered
 * @param unreadCount how many of its actions are unread for the reader ({@link GroupedQuery#readBy}); 0 without one
 * @param seen whether none of its unread actions is newer than the reader's seen position ({@link Unread#markSeen()});
 *        {@code true} without a reader
 * @param unreadIds the ids of its unread actions, newest first, which {@link Unread#markRead(ActionGroup)} marks read
 */
public record ActionGroup(
        String key,
        String verb,
        ObjectRef object,
        List<Action> members,
        long actionCount,
        long actorCount,
        Instant newest,
        long unreadCount,
        boolean seen,
        List<Long> unreadIds) {

    /**
     * Copies the lists.
     *
     * @param key what identifies the group within its query
     * @param verb the verb of every action of the group
     * @param object what the actions have in common, or {@code null}
     * @param members the group's newest actions, newest first
     * @param actionCount how many actions the group has
     * @param actorCount how many distinct actors its actions have
     * @param newest the time of the group's newest action
     * @param unreadCount how many of its actions are unread for the reader
     * @param seen whether none of its unread actions is newer than the reader's seen position
     * @param unreadIds the ids of its unread actions, newest first
     */
    public ActionGroup {
        members = List.copyOf(members);
        unreadIds = List.copyOf(unreadIds);
    }

    /**
     * The group's newest action.
     *
     * @return the newest member
     */
    public Action first() {
        return members.get(0);
    }

    /**
     * How many actions the group has besides its {@link #members()}: "and 12 more".
     *
     * @return {@code actionCount - members.size()}
     */
    public long more() {
        return actionCount - members.size();
    }

    /**
     * The grouping object, when there is one.
     *
     * @return the object the actions have in common
     */
    public Optional<ObjectRef> groupedBy() {
        return Optional.ofNullable(object);
    }
}
