/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.actrack.FeedScope;
import org.actrack.ObjectRef;
import org.actrack.StreamLimits;
import org.actrack.Tracker;

/**
 * Which actions enter one user's feed, decided in memory as the feed's query decides in the database: an action at or
 * above the readable level that one of the user's trackers matches (its object, or any entity of its type, as actor,
 * or in any role unless actor-only; one of its verbs), as far as the reader's {@link FeedScope} lets that tracker count
 * (verbs, level and time limits). A live feed sends what this says and its query pages show, so the two are tested
 * against each other.
 */
final class FeedMatcher {

    private final List<Rule> rules;
    private final int readableLevel;

    private FeedMatcher(List<Rule> rules, int readableLevel) {
        this.rules = List.copyOf(rules);
        this.readableLevel = readableLevel;
    }

    /** The matcher of a user's trackers seen through a scope. */
    static FeedMatcher of(List<Tracker> trackers, FeedScope scope, int readableLevel) {
        List<Rule> rules = new ArrayList<>();
        for (Tracker tracker : trackers) {
            scope.limits(tracker).flatMap(limits -> Rule.of(tracker, limits)).ifPresent(rules::add);
        }
        return new FeedMatcher(rules, readableLevel);
    }

    /** The references the rules follow: objects by key, whole types by name; what the node's index files them under. */
    List<ObjectRef> followed() {
        return rules.stream().map(Rule::tracked).distinct().toList();
    }

    boolean matches(ActionFacts action) {
        if (action.level() < readableLevel) {
            return false;
        }
        for (Rule rule : rules) {
            if (rule.matches(action)) {
                return true;
            }
        }
        return false;
    }

    /** One tracker as far as it counts. */
    private record Rule(ObjectRef tracked, boolean actorOnly, Set<String> verbs, Integer minLevel, Instant since) {

        static Optional<Rule> of(Tracker tracker, StreamLimits limits) {
            Set<String> verbs;
            if (tracker.verbs().isEmpty()) {
                verbs = limits.verbs();
            } else if (limits.verbs().isEmpty()) {
                verbs = tracker.verbs();
            } else {
                verbs = new HashSet<>(tracker.verbs());
                verbs.retainAll(limits.verbs());
                if (verbs.isEmpty()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Rule(
                    tracker.trackedRef(), tracker.actorOnly(), Set.copyOf(verbs), limits.minLevel(), limits.since()));
        }

        boolean matches(ActionFacts action) {
            if (!verbs.isEmpty() && !verbs.contains(action.verb())) {
                return false;
            }
            if ((minLevel != null && action.level() < minLevel)
                    || (since != null && action.timestamp().isBefore(since))) {
                return false;
            }
            if (covers(action.actor())) {
                return true;
            }
            if (actorOnly) {
                return false;
            }
            for (ObjectRef other : action.others()) {
                if (covers(other)) {
                    return true;
                }
            }
            return false;
        }

        private boolean covers(ObjectRef ref) {
            return ref != null && (tracked.isWholeType() ? tracked.type().equals(ref.type()) : tracked.equals(ref));
        }
    }
}
