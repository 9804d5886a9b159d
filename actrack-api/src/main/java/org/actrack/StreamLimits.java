/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How far a reader sees into a stream of actions: only some verbs, only from a level up, only from an instant on.
 * Applied inside the query (so pages stay full and counts true) by {@link ObjectActions#feed(FeedScope)} for each
 * tracker of a feed, and by actrack-rest for object and type streams.
 *
 * <pre>{@code
 * StreamLimits guests = StreamLimits.NONE.verbs("arrived", "departed").minLevel(Level.INFO.value());
 * }</pre>
 *
 * @param verbs only actions of these verbs; empty for every verb
 * @param minLevel only actions at or above this level, or {@code null} for every level
 * @param since only actions at or after this instant, or {@code null} for the whole history
 */
public record StreamLimits(Set<String> verbs, Integer minLevel, Instant since) {

    /** No limit: the whole stream. */
    public static final StreamLimits NONE = new StreamLimits(Set.of(), null, null);

    /**
     * Copies the verbs.
     *
     * @param verbs only actions of these verbs; empty for every verb
     * @param minLevel only actions at or above this level, or {@code null}
     * @param since only actions at or after this instant, or {@code null}
     */
    public StreamLimits {
        verbs = Set.copyOf(Objects.requireNonNull(verbs, "verbs"));
    }

    /**
     * These limits, and only these verbs.
     *
     * @param only the verbs
     * @return the limits
     */
    public StreamLimits verbs(String... only) {
        return new StreamLimits(Set.copyOf(java.util.Arrays.asList(only)), minLevel, since);
    }

    /**
     * These limits, and only actions at or above a level.
     *
     * @param level the lowest level shown
     * @return the limits
     */
    public StreamLimits minLevel(int level) {
        return new StreamLimits(verbs, level, since);
    }

    /**
     * These limits, and only actions at or after an instant.
     *
     * @param instant the oldest time shown
     * @return the limits
     */
    public StreamLimits since(Instant instant) {
        return new StreamLimits(verbs, minLevel, instant);
    }

    /**
     * Whether an action of this verb, level and time is within the limits.
     *
     * @param verb the action's verb
     * @param level the action's level
     * @param timestamp the action's time
     * @return whether the limits let it through
     */
    public boolean admits(String verb, int level, Instant timestamp) {
        return (verbs.isEmpty() || verbs.contains(verb))
                && (minLevel == null || level >= minLevel)
                && (since == null || !timestamp.isBefore(since));
    }
}
