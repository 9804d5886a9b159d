/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.kafka;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ExportedEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends the outbox's events to a Kafka topic, each as a record of the CloudEvents Kafka protocol binding in binary
 * mode: the event's attributes as {@code ce_*} headers ({@code ce_specversion}, {@code ce_id}, {@code ce_source},
 * {@code ce_type}, {@code ce_subject}, {@code ce_time}), {@code content-type: application/json}, the action (the
 * CloudEvent's {@code data}) as the value, and the subject ({@code Type#id}) as the key, so that one subject's events
 * land in one partition, in order. {@link #export} returns once the broker acknowledged every record, and throws
 * otherwise, so that the relay tries them again.
 *
 * <p>With actrack-cdi, adding this module's jar is enough: {@link KafkaExporter} is the application's exporter, set up
 * by {@code actrack.kafka.*} settings. Without CDI, give the relay an instance with a producer of your own; an
 * idempotent producer ({@code enable.idempotence=true}, {@code acks=all}) keeps the order through its retries.
 */
public final class KafkaActionExporter implements ActionExporter {

    private final Producer<String, byte[]> producer;
    private final String topic;

    /**
     * An exporter that sends with {@code producer} to {@code topic}.
     *
     * @param producer a producer of {@code String} keys and {@code byte[]} values
     * @param topic the topic
     */
    public KafkaActionExporter(Producer<String, byte[]> producer, String topic) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    @Override
    public void export(List<ExportedEvent> events) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (ExportedEvent event : events) {
            sent.add(producer.send(record(topic, event)));
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledged : sent) {
            acknowledged.get();
        }
    }

    /** The record of an event: CloudEvents Kafka binding, binary mode. */
    static ProducerRecord<String, byte[]> record(String topic, ExportedEvent event) {
        JsonObject cloudEvent;
        try (JsonReader reader = Json.createReader(new StringReader(event.cloudEvent()))) {
            cloudEvent = reader.readObject();
        }
        RecordHeaders headers = new RecordHeaders();
        for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time")) {
            JsonValue value = cloudEvent.get(attribute);
            if (value instanceof JsonString text) {
                headers.add("ce_" + attribute, text.getString().getBytes(StandardCharsets.UTF_8));
            }
        }
        headers.add(
                "content-type",
                cloudEvent.getString("datacontenttype", "application/json").getBytes(StandardCharsets.UTF_8));
        JsonValue data = cloudEvent.getOrDefault("data", JsonValue.NULL);
        return new ProducerRecord<>(
                topic, null, event.subject(), data.toString().getBytes(StandardCharsets.UTF_8), headers);
    }
}
