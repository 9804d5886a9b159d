/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.actrack.ActrackSettings;
import org.actrack.spi.Integration;
import org.actrack.spi.StorageState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness ({@code /health/ready}), named {@value #NAME}: UP when actrack's database answers a read of its tables and,
 * with the outbox on, fewer events wait for delivery than {@code actrack.health.outbox-backlog}. Its data: {@code
 * database} ({@code reachable}, or the failure), and with the outbox {@code outboxPending} (counted up to the limit),
 * {@code outboxBacklogLimit} and {@code outboxLagSeconds} (the age of the oldest undelivered event). One read of at
 * most the limit's rows, in a transaction of its own.
 */
@Readiness
@ApplicationScoped
public class ActrackReadiness implements HealthCheck {

    /** The check's name in health reports. */
    public static final String NAME = "actrack-storage";

    @Inject
    Integration actrack;

    private final Clock clock = Clock.systemUTC();

    @Override
    public HealthCheckResponse call() {
        ActrackSettings settings = actrack.settings();
        int limit = settings.healthOutboxBacklog();
        StorageState state = actrack.storageState(limit);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!state.reachable()) {
            return response.down().withData("database", state.problem()).build();
        }
        response.withData("database", "reachable");
        if (!settings.outbox()) {
            return response.up().build();
        }
        response.withData("outboxPending", state.pendingEvents()).withData("outboxBacklogLimit", limit);
        state.oldestPending()
                .ifPresent(oldest -> response.withData(
                        "outboxLagSeconds",
                        Math.max(0, Duration.between(oldest, clock.instant()).toSeconds())));
        return response.status(state.pendingEvents() < limit).build();
    }
}
