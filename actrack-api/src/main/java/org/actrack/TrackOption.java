/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;

/**
 * An option of {@link ActionLog#track}, {@link ActionLog#untrack} and
 * {@link ActionLog#temporaryTracker}. Made by the factories of {@link Options}, imported statically:
 *
 * <pre>{@code
 * log.track(user, train, verbs("departed", "arrived"), actorOnly(false), log(true));
 * }</pre>
 */
public sealed interface TrackOption
        permits TrackOption.Verbs,
                TrackOption.ActorOnly,
                TrackOption.LogChange,
                TrackOption.Since,
                TrackOption.Flag,
                UnitOption {

    /** The verbs. @param verbs the verbs, none for all */
    record Verbs(List<String> verbs) implements TrackOption {}

    /** Actor-only or any role. @param actorOnly whether only the actor role matches */
    record ActorOnly(boolean actorOnly) implements TrackOption {}

    /** Logging the change. @param log whether to log */
    record LogChange(boolean log) implements TrackOption {}

    /** The start of a tracker. @param since when it starts */
    record Since(Instant since) implements TrackOption {}

    /** The tracker's flag. @param flag the flag */
    record Flag(String flag) implements TrackOption {}
}
