/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.tracking;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.actrack.TrackOption;
import org.actrack.UnitOption;
import org.actrack.engine.ActionRequests;
import org.actrack.engine.Problem;

/**
 * The options of a track, untrack or temporary-tracker call, validated.
 *
 * @param verbs the verbs given, empty when none were
 * @param actorOnly the actor-only flag, {@code null} when not given
 * @param log whether to log the change
 * @param since the start of new trackers, {@code null} for now
 * @param unit the persistence unit, {@code null} for the default
 * @param flag the trackers' flag, empty for none
 */
record TrackRequest(Set<String> verbs, Boolean actorOnly, boolean log, Instant since, String unit, String flag) {

    static TrackRequest parse(String defaultUnit, TrackOption... options) {
        Set<String> verbs = new LinkedHashSet<>();
        Boolean actorOnly = null;
        boolean log = false;
        Instant since = null;
        String unit = defaultUnit;
        String flag = "";
        for (TrackOption option : options) {
            if (option instanceof TrackOption.Verbs v) {
                for (String verb : v.verbs()) {
                    if (verb.isBlank()) {
                        throw Problem.VERB_BLANK.exception(v.verbs());
                    }
                    ActionRequests.requireVerb(verb);
                }
                verbs = new LinkedHashSet<>(v.verbs());
            } else if (option instanceof TrackOption.ActorOnly a) {
                actorOnly = a.actorOnly();
            } else if (option instanceof TrackOption.LogChange l) {
                log = l.log();
            } else if (option instanceof TrackOption.Since s) {
                since = ActionRequests.truncate(s.since());
            } else if (option instanceof TrackOption.Flag f) {
                flag = TrackerRow.requireFlag(f.flag());
            } else if (option instanceof UnitOption u) {
                unit = u.persistenceUnit();
            }
        }
        return new TrackRequest(Set.copyOf(verbs), actorOnly, log, since, unit, flag);
    }

    /** Refuses the options that make no sense when removing trackers. */
    TrackRequest forUntrack() {
        if (actorOnly != null) {
            throw Problem.OPTION_NOT_ACCEPTED.exception("actorOnly", "untrack");
        }
        if (since != null) {
            throw Problem.OPTION_NOT_ACCEPTED.exception("since", "untrack");
        }
        return this;
    }
}
