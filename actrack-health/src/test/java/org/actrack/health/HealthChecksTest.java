/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.actrack.spi.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * actrack's readiness and liveness checks as a server reports them (SmallRye Health's reporter, WildFly's, finding the
 * checks among the beans), in real Weld with actrack-cdi, on a real database server that a test stops and starts again.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = "the suite runs on an H2 server of its own whatever the run's database: the H2 run covers it")
class HealthChecksTest extends CdiTest {

    static {
        HealthDatabaseServer.start();
    }

    /** A worker stuck in a round for ten minutes: a round may last one. */
    @ApplicationScoped
    public static class StuckWorker implements Worker {
        @Override
        public String name() {
            return "stuck";
        }

        @Override
        public State state() {
            return new State(true, true, Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(1), null);
        }
    }

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {
            ActrackReadiness.class,
            ActrackLiveness.class,
            SmallRyeHealthReporter.class,
            io.smallrye.health.AsyncHealthCheckFactory.class,
            io.smallrye.health.registry.HealthRegistries.class
        };
    }

    @Override
    protected Map<String, String> config() {
        return Map.of("actrack.outbox", "true", "actrack.health.outbox-backlog", "3");
    }

    @Test
    void readinessIsUpWhileTheOutboxBacklogIsBelowItsLimitAndDownFromIt() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        log.log(driver, "departed", targets(train));
        log.log(driver, "arrived", targets(train));

        JsonObject below = check(readiness(), ActrackReadiness.NAME);
        log.log(driver, "departed", targets(train));
        SmallRyeHealth at = readiness();

        assertThat(below.getString("status")).isEqualTo("UP");
        JsonObject data = below.getJsonObject("data");
        assertThat(data.getString("database")).isEqualTo("reachable");
        assertThat(data.getInt("outboxPending")).isEqualTo(2);
        assertThat(data.getInt("outboxBacklogLimit")).isEqualTo(3);
        assertThat(data.getInt("outboxLagSeconds")).isNotNegative();
        assertThat(at.isDown()).isTrue();
        assertThat(check(at, ActrackReadiness.NAME).getJsonObject("data").getInt("outboxPending"))
                .isEqualTo(3);
    }

    @Test
    void readinessIsDownWhileTheDatabaseServerIsStoppedAndUpWhenItIsBack() {
        assertThat(readiness().isDown()).isFalse();

        SmallRyeHealth stopped;
        try {
            HealthDatabaseServer.stop();
            stopped = readiness();
        } finally {
            HealthDatabaseServer.start();
        }
        SmallRyeHealth back = readiness();

        assertThat(stopped.isDown()).isTrue();
        assertThat(check(stopped, ActrackReadiness.NAME).getJsonObject("data").getString("database"))
                .isNotEqualTo("reachable")
                .isNotBlank();
        assertThat(back.isDown()).isFalse();
    }

    @Test
    void livenessIsUpWhenNoWorkerIsAskedFor() {
        SmallRyeHealth live = bean(SmallRyeHealthReporter.class).getLiveness();

        assertThat(live.isDown()).isFalse();
        assertThat(check(live, ActrackLiveness.NAME).getJsonObject("data").getString("outbox-relay"))
                .isEqualTo("not used");
    }

    private SmallRyeHealth readiness() {
        return bean(SmallRyeHealthReporter.class).getReadiness();
    }

    /** The check of that name in a report, as {@code /health} shows it. */
    static JsonObject check(SmallRyeHealth report, String name) {
        return report.getPayload().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report.getPayload()));
    }
}
