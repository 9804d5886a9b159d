/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.json.JsonObject;
import java.util.Map;
import org.actrack.cdi.fixtures.Exporters;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Liveness with workers asked for: the outbox relay, with the outbox on and an exporter bean, which Weld SE cannot
 * schedule (no Jakarta Concurrency), and a worker stuck in a round.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = "the suite runs on an H2 server of its own whatever the run's database: the H2 run covers it")
class WorkersTest extends CdiTest {

    static {
        HealthDatabaseServer.start();
    }

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {
            ActrackLiveness.class,
            Exporters.Recording.class,
            HealthChecksTest.StuckWorker.class,
            SmallRyeHealthReporter.class,
            io.smallrye.health.AsyncHealthCheckFactory.class,
            io.smallrye.health.registry.HealthRegistries.class
        };
    }

    @Override
    protected Map<String, String> config() {
        return Map.of("actrack.outbox", "true");
    }

    @Test
    void livenessIsDownNamingTheRelayThatCannotRunAndTheStuckWorker() {
        SmallRyeHealth live = bean(SmallRyeHealthReporter.class).getLiveness();

        assertThat(live.isDown()).isTrue();
        JsonObject data = HealthChecksTest.check(live, ActrackLiveness.NAME).getJsonObject("data");
        assertThat(data.getString("outbox-relay"))
                .isEqualTo(
                        "not running: no Jakarta Concurrency scheduler at java:comp/DefaultManagedScheduledExecutorService");
        assertThat(data.getString("stuck")).startsWith("stuck since ");
    }
}
