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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.actrack.ActrackSettings;
import org.actrack.engine.ActrackContractTest;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay with the Kafka exporter, against a real broker (KRaft, in this JVM): each committed action arrives
 * as a record of the CloudEvents Kafka binding in binary mode, keyed by its subject, one subject's records in order.
 */
class KafkaExportTest extends ActrackContractTest {

    private static final String TOPIC = "actrack.actions";
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
        return ActrackSettings.builder()
                .outbox(true)
                .outboxSource("https://railway.example/actrack")
                .build();
    }

    @Test
    void eachCommittedActionArrivesAsABinaryModeCloudEventKeyedByItsSubject() throws Exception {
        User driver = user("driver");
        Project twelve = project("line 12");
        Project thirteen = project("line 13");
        for (int i = 0; i < 5; i++) {
            log.log(driver, "stop " + i, targets(i % 2 == 0 ? twelve : thirteen), noGrouping());
        }

        Map<String, String> configured = Map.of(KafkaSettings.BOOTSTRAP_SERVERS.key(), cluster.bootstrapServers());
        KafkaSettings settings = KafkaSettings.from(key -> java.util.Optional.ofNullable(configured.get(key)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.producer())) {
            assertThat(relayUntilIdle(new KafkaActionExporter(producer, settings.topic)))
                    .isEqualTo(5);
        }
        assertThat(rows("actrack_outbox")).isZero();

        List<ConsumerRecord<String, byte[]>> records = consume(5);
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .containsOnly("Project#" + twelve.getId(), "Project#" + thirteen.getId());
        ConsumerRecord<String, byte[]> first = records.stream()
                .filter(record -> record.key().equals("Project#" + twelve.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_type")).isEqualTo("org.actrack.action.logged");
        assertThat(header(first, "ce_source")).isEqualTo("https://railway.example/actrack");
        assertThat(header(first, "ce_subject")).isEqualTo("Project#" + twelve.getId());
        assertThat(header(first, "ce_id")).startsWith("actrack-action-");
        assertThat(header(first, "ce_time")).isNotBlank();
        assertThat(header(first, "content-type")).isEqualTo("application/json");
        assertThat(new String(first.value(), StandardCharsets.UTF_8))
                .startsWith("{\"id\":")
                .contains("\"verb\":\"stop 0\"");
        assertThat(records.stream()
                        .filter(record -> record.key().equals("Project#" + twelve.getId()))
                        .map(record -> new String(record.value(), StandardCharsets.UTF_8)
                                .replaceAll(".*\"verb\":\"(stop \\d)\".*", "$1"))
                        .toList())
                .as("one subject's records in the order the actions were logged")
                .containsExactly("stop 0", "stop 2", "stop 4");
    }

    private static List<ConsumerRecord<String, byte[]>> consume(int count) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", cluster.bootstrapServers());
        properties.put("group.id", "actrack-test");
        properties.put("auto.offset.reset", "earliest");
        properties.put("key.deserializer", StringDeserializer.class.getName());
        properties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(TOPIC));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < count && System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
