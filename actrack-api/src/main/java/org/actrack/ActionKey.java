/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an action stands in the order of every query: its time, then its id.
 *
 * @param timestamp the action's time
 * @param id the action's id
 */
public record ActionKey(Instant timestamp, long id) implements Comparable<ActionKey> {

    /**
     * Checks that the time is given.
     *
     * @param timestamp the action's time
     * @param id the action's id
     */
    public ActionKey {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * The key of an action.
     *
     * @param action the action
     * @return its time and id
     */
    public static ActionKey of(Action action) {
        return new ActionKey(action.timestamp(), action.id());
    }

    @Override
    public int compareTo(ActionKey other) {
        int byTime = timestamp.compareTo(other.timestamp);
        return byTime != 0 ? byTime : Long.compare(id, other.id);
    }
}
