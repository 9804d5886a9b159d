/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.actrack.ActionLog;
import org.actrack.LogOption;
import org.actrack.LogRequest;

/** Logs the actions requested with {@link LogRequest} events, in the firing thread's transaction. */
@ApplicationScoped
class LogRequestObserver {

    @Inject
    ActionLog actionLog;

    void log(@Observes LogRequest request) {
        actionLog.log(request.actor(), request.verb(), request.options().toArray(LogOption[]::new));
    }
}
