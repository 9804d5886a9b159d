/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.Optional;
import java.util.Set;

/**
 * A reader's view of a feed: for each tracker of the user, whether it counts and how far
 * ({@link ObjectActions#feed(FeedScope)}). An application whose users may not see everything they could follow
 * (private projects, guests) gives its rules here, and the feed, its unread subset and its counts show no action
 * that the rules hide, with full pages: the limits are applied inside the query, tracker by tracker.
 *
 * <pre>{@code
 * FeedScope members = tracker -> tracker.tracked().filter(project -> project instanceof Project p && p.hasMember(user))
 *         .map(project -> StreamLimits.NONE);
 * ActionPage page = log.actions(user).feed(members).page(20);
 * }</pre>
 *
 * <p>It is called once per tracker each time a query reads the user's trackers (for each page, count or stream),
 * with the tracker's object resolved ({@link Tracker#tracked()}: the entity, or its class for a whole-type tracker,
 * empty when the entity no longer exists).
 */
@FunctionalInterface
public interface FeedScope {

    /** Every tracker counts in full: the plain feed. */
    FeedScope ALL = tracker -> Optional.of(StreamLimits.NONE);

    /**
     * Every tracker counts from the moment it was created ({@link Tracker#since()}): a feed that starts when the user
     * followed each object, as their unread marks do. The plain feed (django-actrack's) also shows what the followed
     * objects did before.
     *
     * <pre>{@code
     * ActionPage page = log.actions(user).feed(FeedScope.SINCE_FOLLOWED).page(20);
     * }</pre>
     */
    FeedScope SINCE_FOLLOWED = ALL.sinceFollowed();

    /**
     * How far the reader sees through one of their trackers.
     *
     * @param tracker one of the user's trackers
     * @return the limits of what it adds to the feed (intersected with the tracker's own verbs); empty to leave the
     *         tracker out
     */
    Optional<StreamLimits> limits(Tracker tracker);

    /**
     * This scope, with each tracker counting no earlier than its creation ({@link Tracker#since()}): where this
     * scope's limits start later, they stay as they are.
     *
     * <pre>{@code
     * ActionQuery feed = log.actions(user).feed(members.sinceFollowed());
     * }</pre>
     *
     * @return the scope that starts each tracker at its creation
     */
    default FeedScope sinceFollowed() {
        return tracker -> limits(tracker)
                .map(limits -> limits.since() != null && !limits.since().isBefore(tracker.since())
                        ? limits
                        : limits.since(tracker.since()));
    }

    /**
     * This scope, counting only the trackers with one of these {@linkplain Tracker#flag() flags}: the feed of what
     * the user likes, say, beside the feed of everything they follow.
     *
     * <pre>{@code
     * ActionPage liked = log.actions(user).feed(FeedScope.ALL.flagged("liking")).page(20);
     * }</pre>
     *
     * @param flags the flags whose trackers count; a tracker without a flag counts for none of them
     * @return the scope that leaves out the other trackers
     */
    default FeedScope flagged(String... flags) {
        Set<String> wanted = Set.of(flags);
        return tracker -> tracker.flag().filter(wanted::contains).isPresent() ? limits(tracker) : Optional.empty();
    }
}
