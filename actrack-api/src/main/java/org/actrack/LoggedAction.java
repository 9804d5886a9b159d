/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An action as it was logged, before or while it is written: what {@link ActionHandler}s see when they
 * decide how actions combine and group. References, not entities: comparing two of them is free.
 *
 * @param actor the actor, or {@code null} for none
 * @param verb the verb
 * @param level the level's value
 * @param data the data entries (values as given to {@link Options#data}, or as read back from JSON for
 *        stored actions); may hold {@code null} values
 * @param timestamp when it happened
 * @param targets the targets, in logging order, without duplicates
 * @param related the related objects, in logging order, without duplicates
 */
public record LoggedAction(
        ObjectRef actor,
        String verb,
        int level,
        Map<String, Object> data,
        Instant timestamp,
        List<ObjectRef> targets,
        List<ObjectRef> related) {

    /**
     * Copies the targets and related objects into unmodifiable lists.
     *
     * @param actor the actor, or {@code null} for none
     * @param verb the verb
     * @param level the level's value
     * @param data the data entries (values as given to {@link Options#data}, or as read back from JSON for stored actions); may hold {@code null} values
     * @param timestamp when it happened
     * @param targets the targets, in logging order, without duplicates
     * @param related the related objects, in logging order, without duplicates
     */
    public LoggedAction {
        targets = List.copyOf(targets);
        related = List.copyOf(related);
    }

    /**
     * The actor, empty for an action without one.
     *
     * @return the actor, empty for an action without one
     */
    public Optional<ObjectRef> actorRef() {
        return Optional.ofNullable(actor);
    }
}
