/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.kafka;

import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.actrack.ActrackSettings;
import org.actrack.LogRequest;
import org.actrack.engine.ActrackContractTest;
import org.actrack.engine.ActrackEngine;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.write.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the outbox relay into Kafka (issue 22): the throughput of a backlog of {@value #BACKLOG} events relayed with
 * batches of 1,000, and the time from an action's timestamp to its record reaching a consumer while actions are logged
 * at a steady rate and the relay runs every 100 ms. A broker in this JVM (KRaft); the run's database. Reports figures
 * on standard output; asserts only that every event arrived. Run with {@code mvn -B verify -pl actrack-kafka -am
 * -Dactrack.measure=true -Dactrack.test.db=postgresql -Dtest=RelayThroughputMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "actrack.measure", matches = "true")
class RelayThroughputMeasurement extends ActrackContractTest {

    private static final int BACKLOG = 20_000;
    private static final int SUBJECTS = 2_000;
    private static final int STEADY_PER_SECOND = 200;
    private static final int STEADY_SECONDS = 10;
    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void aBroker() throws Exception {
        cluster = KafkaBroker.start();
    }

    @AfterAll
    static void noBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().outbox(true).outboxBatch(1000).build();
    }

    @Test
    void measureTheRelayIntoKafka() throws Exception {
        User writer = user("writer");
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            projects.add(project("p" + i));
        }
        for (int from = 0; from < BACKLOG; from += 1000) {
            List<LogRequest> requests = new ArrayList<>();
            for (int i = from; i < from + 1000; i++) {
                requests.add(LogRequest.of(writer, "edited", targets(projects.get(i % SUBJECTS)), noGrouping()));
            }
            log.logAll(requests);
        }
        Map<String, String> configured = Map.of(KafkaSettings.BOOTSTRAP_SERVERS.key(), cluster.bootstrapServers());
        KafkaSettings kafka = KafkaSettings.from(key -> java.util.Optional.ofNullable(configured.get(key)));
        OutboxRelay relay = ((ActrackEngine) log).outboxRelay();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer())) {
            KafkaActionExporter exporter = new KafkaActionExporter(producer, kafka.topic);
            long start = System.nanoTime();
            long[] exporting = new long[1];
            org.actrack.spi.ActionExporter timed = events -> {
                long before = System.nanoTime();
                exporter.export(events);
                exporting[0] += System.nanoTime() - before;
            };
            int delivered = 0;
            OutboxRelay.Round round;
            do {
                round = relay.relayOnce("node", timed, Supplier::get);
                delivered += round.delivered().size();
            } while (!round.idle());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "RELAY %s: %d events in %.2f s: %.0f events/s (batches of 1000, one per subject per batch);"
                            + " %.2f s of it in the Kafka exporter%n",
                    database.kind(), delivered, seconds, delivered / seconds, exporting[0] / 1e9);
            assertThat(delivered).isEqualTo(BACKLOG);

            // Timestamps from the system clock (the suite's log runs on a test clock), for the records' delays.
            ActrackEngine live = org.actrack.engine.Actrack.builder()
                    .entityManagerFactory(database.factory())
                    .settings(settings())
                    .buildEngine();
            List<Double> latencies = steadyLatencies(live, writer, projects, live.outboxRelay(), exporter);
            Collections.sort(latencies);
            System.out.printf(
                    "RELAY %s latency, logged -> consumed, %d actions at %d/s, relay every 100 ms: p50 %.0f ms, p95 %.0f"
                            + " ms, max %.0f ms%n",
                    database.kind(),
                    latencies.size(),
                    STEADY_PER_SECOND,
                    latencies.get(latencies.size() / 2),
                    latencies.get((int) (latencies.size() * 0.95)),
                    latencies.get(latencies.size() - 1));
        }
    }

    /** Logs at a steady rate while a relay thread runs every 100 ms and a consumer measures each record's delay. */
    private List<Double> steadyLatencies(
            ActrackEngine live, User writer, List<Project> projects, OutboxRelay relay, KafkaActionExporter exporter)
            throws Exception {
        int total = STEADY_PER_SECOND * STEADY_SECONDS;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        Properties properties = new Properties();
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        properties.put("group.id", "measure-" + System.nanoTime());
        properties.put("auto.offset.reset", "latest");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of("actrack.actions"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread relaying = new Thread(() -> {
                while (writing.get()) {
                    relay.relayOnce("node", exporter, Supplier::get);
                    sleep(100);
                }
                while (!relay.relayOnce("node", exporter, Supplier::get).idle()) {
                    // the rest
                }
            });
            relaying.start();
            Thread logging = new Thread(() -> {
                long period = 1_000_000_000L / STEADY_PER_SECOND;
                long next = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    live.log(writer, "moved", targets(projects.get(i % SUBJECTS)), noGrouping());
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleep(wait / 1_000_000);
                    }
                }
                writing.set(false);
            });
            logging.start();
            long end =
                    System.nanoTime() + Duration.ofSeconds(STEADY_SECONDS + 60).toNanos();
            while (latencies.size() < total && System.nanoTime() < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    Instant logged = Instant.parse(
                            new String(record.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8));
                    latencies.add(Duration.between(logged, Instant.now()).toNanos() / 1e6);
                }
            }
            logging.join();
            relaying.join();
        }
        assertThat(latencies).hasSize(total);
        return latencies;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
