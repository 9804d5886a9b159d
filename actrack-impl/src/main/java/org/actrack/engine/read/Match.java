/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.StreamLimits;
import org.actrack.engine.model.Role;

/**
 * One way an action can be selected: an object (or any instance of a whole type) in one of some roles,
 * with one of some verbs (none: any verb), and, for a feed seen through a {@link org.actrack.FeedScope}, from a
 * level and an instant on. A query selects the actions that satisfy any of its matches.
 *
 * @param ref the object, or a whole-type reference
 * @param roles the roles it may play; never empty
 * @param verbs the verbs; empty for any
 * @param minLevel the lowest level, or {@code null} for any
 * @param since the earliest time, or {@code null} for any
 */
public record Match(ObjectRef ref, Set<Role> roles, Set<String> verbs, Integer minLevel, Instant since) {

    public static final Set<Role> ANY_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    public Match {
        roles = Set.copyOf(roles);
        verbs = Set.copyOf(verbs);
    }

    public static Match of(ObjectRef ref, Role role) {
        return new Match(ref, Set.of(role), Set.of(), null, null);
    }

    public static Match anyRole(ObjectRef ref) {
        return new Match(ref, ANY_ROLE, Set.of(), null, null);
    }

    /** What a tracker selects: its object as actor, or in any role, with its verbs. */
    public static Match tracking(ObjectRef tracked, boolean actorOnly, Set<String> verbs) {
        return new Match(tracked, actorOnly ? Set.of(Role.ACTOR) : ANY_ROLE, verbs, null, null);
    }

    /**
     * What a tracker selects within limits: its verbs intersected with the limits' (empty when they exclude each
     * other), and the limits' level and time.
     */
    public static Optional<Match> tracking(
            ObjectRef tracked, boolean actorOnly, Set<String> verbs, StreamLimits limits) {
        Set<String> both;
        if (verbs.isEmpty()) {
            both = limits.verbs();
        } else if (limits.verbs().isEmpty()) {
            both = verbs;
        } else {
            both = new HashSet<>(verbs);
            both.retainAll(limits.verbs());
            if (both.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(
                new Match(tracked, actorOnly ? Set.of(Role.ACTOR) : ANY_ROLE, both, limits.minLevel(), limits.since()));
    }
}
