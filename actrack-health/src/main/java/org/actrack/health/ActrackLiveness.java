/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.actrack.spi.Worker;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness ({@code /health/live}), named {@value #NAME}: UP when every actrack {@link Worker} bean of the application
 * (the outbox relay of actrack-cdi, the live feeds of actrack-rest) is alive: not asked for, or running with no round
 * busy longer than it may be ({@link Worker.State#aliveAt}). Its data has one entry per worker: {@code running},
 * {@code busy since …}, {@code not used}, {@code stuck since …} or {@code not running: …}.
 */
@Liveness
@ApplicationScoped
public class ActrackLiveness implements HealthCheck {

    /** The check's name in health reports. */
    public static final String NAME = "actrack-workers";

    @Inject
    @Any
    Instance<Worker> workers;

    private final Clock clock = Clock.systemUTC();

    @Override
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean alive = true;
        for (Worker worker : workers) {
            Worker.State state = worker.state();
            boolean workerAlive = state.aliveAt(now);
            alive &= workerAlive;
            response.withData(worker.name(), describe(state, workerAlive));
        }
        return response.status(alive).build();
    }

    private static String describe(Worker.State state, boolean alive) {
        if (!state.expected()) {
            return "not used";
        }
        if (!state.running()) {
            return "not running" + (state.detail() == null ? "" : ": " + state.detail());
        }
        if (state.busySince() == null) {
            return "running";
        }
        return (alive ? "busy since " : "stuck since ") + state.busySince();
    }
}
