/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.actrack.LoggedAction;
import org.actrack.ObjectRef;

/**
 * An action that was logged and validated but not yet written: what the queue holds and the writer
 * stores.
 *
 * @param unit the persistence unit it goes to, {@code null} for the default
 * @param actor the actor, {@code null} for none
 * @param verb the verb
 * @param level the level's value
 * @param data the data, in the shape JSON-B reads it back (maps, lists, {@code BigDecimal}s…)
 * @param timestamp when it happened, truncated to microseconds
 * @param targets the targets, without duplicates, in logging order
 * @param related the related objects, without duplicates, in logging order
 * @param groupingDelaySeconds -1, 0 or a positive number of seconds
 * @param foreignId the application's own key of the action, or {@code null}
 */
public record PendingAction(
        String unit,
        ObjectRef actor,
        String verb,
        int level,
        Map<String, Object> data,
        Instant timestamp,
        List<ObjectRef> targets,
        List<ObjectRef> related,
        long groupingDelaySeconds,
        String foreignId) {

    /** What handlers see. */
    LoggedAction view() {
        return new LoggedAction(actor, verb, level, data, timestamp, targets, related);
    }

    /** Whether the action refers to the object, in any role. */
    boolean refersTo(ObjectRef ref) {
        return ref.equals(actor) || targets.contains(ref) || related.contains(ref);
    }

    /** This action referring to {@code to} wherever it referred to {@code from}. */
    PendingAction repointed(ObjectRef from, ObjectRef to) {
        java.util.function.UnaryOperator<ObjectRef> swap = ref -> from.equals(ref) ? to : ref;
        return new PendingAction(
                unit,
                actor == null ? null : swap.apply(actor),
                verb,
                level,
                data,
                timestamp,
                targets.stream().map(swap).distinct().toList(),
                related.stream().map(swap).distinct().toList(),
                groupingDelaySeconds,
                foreignId);
    }
}
