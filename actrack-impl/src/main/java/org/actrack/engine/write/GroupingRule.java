/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.actrack.engine.model.Role;

/**
 * Which earlier action a new one may be grouped into (spec §6, as amended by §0.3), before its handler decides
 * ({@link org.actrack.ActionHandler#groups}): the same actor (or both none), verb and persistence unit, and an older
 * action at most the grouping delay older (any age for a delay of 0). One rule, asked of the actions of the queue in
 * memory ({@link #mayGroup}) and of the stored ones in the database ({@link #storedCandidates}).
 */
final class GroupingRule {

    private GroupingRule() {}

    /** Whether {@code newer} may be grouped into {@code older}, an action of the same queue. */
    static boolean mayGroup(PendingAction older, PendingAction newer) {
        return older.foreignId() == null
                && older.verb().equals(newer.verb())
                && Objects.equals(older.actor(), newer.actor())
                && Objects.equals(older.unit(), newer.unit())
                && within(older.timestamp(), newer.timestamp(), newer.groupingDelaySeconds());
    }

    /**
     * The ids of the stored actions {@code action} may be grouped into, newest first: the rule of {@link #mayGroup}
     * asked of the database (whose persistence unit is {@code em}'s), for a positive grouping delay.
     */
    static List<Long> storedCandidates(EntityManager em, PendingAction action) {
        Instant from = action.timestamp().minusSeconds(action.groupingDelaySeconds());
        if (action.actor() != null) {
            // Served by actrack_ref_key_time_ix: the actor's key, then the time range.
            return em.createQuery(
                            "SELECT r.actionId FROM ActrackActionRef r WHERE r.key = :actor AND r.role = :role"
                                    + " AND r.verb = :verb AND r.timestamp >= :from AND r.timestamp <= :to"
                                    + " ORDER BY r.timestamp DESC, r.actionId DESC",
                            Long.class)
                    .setParameter("actor", action.actor().key())
                    .setParameter("role", Role.ACTOR)
                    .setParameter("verb", action.verb())
                    .setParameter("from", from)
                    .setParameter("to", action.timestamp())
                    .getResultList();
        }
        // Served by actrack_action_verb_time_ix.
        return em.createQuery(
                        "SELECT a.id FROM ActrackAction a WHERE a.actorType IS NULL AND a.verb = :verb"
                                + " AND a.timestamp >= :from AND a.timestamp <= :to ORDER BY a.timestamp DESC, a.id DESC",
                        Long.class)
                .setParameter("verb", action.verb())
                .setParameter("from", from)
                .setParameter("to", action.timestamp())
                .getResultList();
    }

    private static boolean within(Instant older, Instant newer, long delaySeconds) {
        return delaySeconds == 0 || (!older.isBefore(newer.minusSeconds(delaySeconds)) && !older.isAfter(newer));
    }
}
