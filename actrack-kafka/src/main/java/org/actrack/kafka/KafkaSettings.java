/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.Setting;
import org.actrack.SettingKeys;

/**
 * actrack-kafka's settings, each declared once and read once when the application starts ({@link KafkaExporter});
 * docs/reference.md lists them with the others.
 */
final class KafkaSettings {

    private static final String PREFIX = SettingKeys.PREFIX + "kafka.";

    static final Setting<String> BOOTSTRAP_SERVERS = Setting.text(
            PREFIX + "bootstrap-servers",
            "",
            servers -> true,
            "host:port pairs separated by commas",
            "actrack-kafka: the brokers (`host:port`, comma-separated) the outbox's events go to; required with the jar");

    static final Setting<String> TOPIC = Setting.text(
            PREFIX + "topic",
            "actrack.actions",
            topic -> topic.matches("[A-Za-z0-9._-]{1,249}"),
            "1 to 249 letters, digits, '.', '_' or '-'",
            "actrack-kafka: the topic of the outbox's events");

    static final Setting<List<String>> PRODUCER_PROPERTIES = Setting.list(
            PREFIX + "producer-properties",
            "none",
            property -> property.matches("[A-Za-z0-9._-]+=.*") ? Optional.of(property) : Optional.empty(),
            "producer settings such as security.protocol=SSL,ssl.truststore.location=/etc/kafka/truststore.jks",
            "actrack-kafka: further Kafka producer settings, `key=value` separated by commas (security, say)");

    static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, TOPIC, PRODUCER_PROPERTIES);

    final String bootstrapServers;
    final String topic;
    final List<String> producerProperties;

    private KafkaSettings(Function<String, Optional<String>> lookup) {
        this.bootstrapServers = BOOTSTRAP_SERVERS.read(lookup);
        this.topic = TOPIC.read(lookup);
        this.producerProperties = PRODUCER_PROPERTIES.read(lookup);
        if (bootstrapServers.isEmpty()) {
            throw new ActrackException(
                    ErrorCode.INVALID_SETTING,
                    BOOTSTRAP_SERVERS.key() + " is not set: actrack-kafka sends the outbox's events to the brokers it"
                            + " names (host:port, comma-separated); set it, or remove actrack-kafka's jar");
        }
    }

    static KafkaSettings from(Function<String, Optional<String>> lookup) {
        return new KafkaSettings(lookup);
    }

    /** The producer's settings: idempotent, every replica acknowledging, then the application's own. */
    Properties producer() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrapServers);
        properties.put("acks", "all");
        properties.put("enable.idempotence", "true");
        properties.put("client.id", "actrack-outbox");
        properties.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        properties.put("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        for (String property : producerProperties) {
            int equals = property.indexOf('=');
            properties.put(property.substring(0, equals), property.substring(equals + 1));
        }
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaSettings[" + BOOTSTRAP_SERVERS.key() + "=" + bootstrapServers + ", " + TOPIC.key() + "=" + topic
                + ", " + PRODUCER_PROPERTIES.key() + "=" + producerProperties.size() + " set]";
    }
}
