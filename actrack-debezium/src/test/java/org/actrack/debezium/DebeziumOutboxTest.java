/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.debezium;

import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.actrack.ActrackSettings;
import org.actrack.engine.ActrackContractTest;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The outbox exported without actrack's relay: Debezium's PostgreSQL connector, embedded, reads {@code actrack_outbox}
 * from the write-ahead log with the outbox event router, and its consumer receives each committed action's CloudEvent
 * as actrack wrote it, keyed by the action's subject. Needs {@code wal_level=logical} (.ci/run sets it).
 */
@EnabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql",
        disabledReason = "Debezium's PostgreSQL connector: run with -Dactrack.test.db=postgresql")
class DebeziumOutboxTest extends ActrackContractTest {

    private static final String SLOT = "actrack_outbox_test";
    private static final int PER_SECOND = 100;
    private static final Jsonb JSON = JsonbBuilder.create();

    private final BlockingQueue<ChangeEvent<String, String>> received = new LinkedBlockingQueue<>();
    /** When each record reached the consumer, by its payload. */
    private final Map<String, Instant> arrivals = new java.util.concurrent.ConcurrentHashMap<>();

    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private DebeziumEngine<ChangeEvent<String, String>> engine;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder()
                .outbox(true)
                .outboxSource("https://railway.example/actrack")
                .build();
    }

    @BeforeEach
    void debeziumReadsTheOutbox() throws Exception {
        TestDatabase.Target target = TestDatabase.Target.fromSystemProperties();
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
                ResultSet level = connection.createStatement().executeQuery("SHOW wal_level")) {
            level.next();
            assertThat(level.getString(1))
                    .as("PostgreSQL's wal_level: Debezium reads the write-ahead log. Run ALTER SYSTEM SET wal_level ="
                            + " logical and restart PostgreSQL (.ci/run does)")
                    .isEqualTo("logical");
        }
        URI address = URI.create(target.url().substring("jdbc:".length()));
        Properties config = new Properties();
        config.setProperty("name", "actrack-outbox");
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        config.setProperty("offset.flush.interval.ms", "1000");
        config.setProperty("database.hostname", address.getHost());
        config.setProperty("database.port", String.valueOf(address.getPort() < 0 ? 5432 : address.getPort()));
        config.setProperty("database.user", target.user());
        config.setProperty("database.password", target.password());
        config.setProperty("database.dbname", address.getPath().substring(1));
        config.setProperty("topic.prefix", "actrack");
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", SLOT);
        config.setProperty("slot.drop.on.stop", "true");
        config.setProperty("publication.name", SLOT);
        config.setProperty("publication.autocreate.mode", "filtered");
        config.setProperty("table.include.list", "public.actrack_outbox");
        config.setProperty("snapshot.mode", "no_data");
        config.setProperty("tombstones.on.delete", "false");
        // Debezium's outbox event router, with actrack's timestamp column; the payload as it is (a CloudEvent).
        config.setProperty("transforms", "outbox");
        config.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        config.setProperty("transforms.outbox.table.field.event.timestamp", "created_at");
        config.setProperty("transforms.outbox.table.fields.additional.placement", "type:header:eventType");
        config.setProperty("converter.schemas.enable", "false");
        engine = DebeziumEngine.create(Json.class)
                .using(config)
                .notifying(record -> {
                    if (record.value() != null) {
                        arrivals.put(record.value(), Instant.now());
                    }
                    received.add(record);
                })
                .build();
        runner.execute(engine);
        awaitActiveSlot();
    }

    @AfterEach
    void stopDebezium() throws Exception {
        if (engine != null) {
            engine.close();
        }
        runner.shutdown();
        assertThat(runner.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void aConsumerReceivesEachCommittedActionsCloudEventKeyedByItsSubject() throws Exception {
        User driver = user("driver");
        Project line = project("line 12");

        log.log(driver, "departed", targets(line), noGrouping());
        log.log(driver, "arrived", targets(line), noGrouping());

        List<String> payloads = new ArrayList<>();
        List<ChangeEvent<String, String>> events = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (events.size() < 2 && System.nanoTime() < end) {
            ChangeEvent<String, String> event = received.poll(1, TimeUnit.SECONDS);
            if (event != null && event.value() != null) {
                events.add(event);
            }
        }
        assertThat(events).as("the router's records of the two outbox rows").hasSize(2);
        for (ChangeEvent<String, String> event : events) {
            assertThat(event.destination()).isEqualTo("outbox.event.actrack.action");
            assertThat(event.key()).contains("Project#" + line.getId());
            payloads.add(unquoted(event.value()));
        }
        List<String> written = read(
                em -> em.createQuery("SELECT e.payload FROM ActrackOutbox e ORDER BY e.createdAt, e.id", String.class)
                        .getResultList());
        assertThat(payloads)
                .as("the CloudEvents actrack wrote, as it wrote them")
                .containsExactlyElementsOf(written);
        assertThat(payloads.get(0))
                .contains("\"specversion\":\"1.0\"")
                .contains("\"type\":\"org.actrack.action.logged\"")
                .contains("\"source\":\"https://railway.example/actrack\"")
                .contains("\"verb\":\"departed\"");
    }

    /**
     * Measures (issue 22) the time from an action's timestamp to its record reaching Debezium's consumer, actions logged
     * at {@value #PER_SECOND} per second for 10 s by an engine on the system clock. Reports p50 and p95 on standard
     * output. Run with {@code mvn -B verify -pl actrack-debezium -am -Dactrack.test.db=postgresql -Dactrack.measure=true
     * -Dtest=DebeziumOutboxTest -Dsurefire.failIfNoSpecifiedTests=false}.
     */
    @Test
    @EnabledIfSystemProperty(named = "actrack.measure", matches = "true")
    void measureTheDelayFromLoggedToConsumed() throws Exception {
        User driver = user("driver");
        Project line = project("line 12");
        org.actrack.ActionLog live = org.actrack.engine.Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(settings())
                .build();
        int total = PER_SECOND * 10;
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            live.log(driver, "moved", targets(line), noGrouping());
            next += 1_000_000_000L / PER_SECOND;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (arrivals.size() < total && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertThat(arrivals).hasSize(total);
        List<Double> delays = new ArrayList<>();
        arrivals.forEach((value, arrived) -> {
            String time = unquoted(value).replaceAll(".*\"time\":\"([^\"]+)\".*", "$1");
            delays.add(Duration.between(Instant.parse(time), arrived).toNanos() / 1e6);
        });
        java.util.Collections.sort(delays);
        System.out.printf(
                "DEBEZIUM latency, logged -> consumed, %d actions at %d/s: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                total,
                PER_SECOND,
                delays.get(delays.size() / 2),
                delays.get((int) (delays.size() * 0.95)),
                delays.get(delays.size() - 1));
    }

    /** The router's value: the payload column, a JSON string holding the CloudEvent. */
    private static String unquoted(String value) {
        return JSON.fromJson(value, String.class);
    }

    private void awaitActiveSlot() throws Exception {
        TestDatabase.Target target = TestDatabase.Target.fromSystemProperties();
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
                PreparedStatement active =
                        connection.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            active.setString(1, SLOT);
            while (System.nanoTime() < end) {
                try (ResultSet rows = active.executeQuery()) {
                    if (rows.next() && rows.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Debezium's replication slot " + SLOT + " did not become active in 60 s");
    }
}
