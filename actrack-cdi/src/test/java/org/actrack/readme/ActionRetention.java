/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.actrack.ActionLog;

@Singleton
public class ActionRetention {

    private static final Duration KEEP = Duration.ofDays(365);

    @Inject
    ActionLog log;

    @Schedule(hour = "*", persistent = false)                   // hourly: each call deletes about an hour of actions
    public void pruneOldActions() {
        log.history().prune(Clock.systemUTC().instant().minus(KEEP));
    }
}
// spotless:on
