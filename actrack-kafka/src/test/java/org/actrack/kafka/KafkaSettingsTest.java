/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.actrack.ActrackException;
import org.actrack.engine.testing.ReferenceTable;
import org.junit.jupiter.api.Test;

/** actrack-kafka's settings: the brokers are required, the rest has defaults, and a bad value names its key. */
class KafkaSettingsTest {

    private static KafkaSettings read(Map<String, String> values) {
        return KafkaSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void withoutBrokersTheApplicationDoesNotStartAndIsToldWhichKeyToSet() {
        assertThatThrownBy(() -> read(Map.of()))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.kafka.bootstrap-servers is not set");
    }

    @Test
    void theProducerIsIdempotentAndTakesTheApplicationsOwnSettings() {
        KafkaSettings settings = read(Map.of(
                "actrack.kafka.bootstrap-servers", "kafka-1:9092,kafka-2:9092",
                "actrack.kafka.producer-properties", "security.protocol=SSL, linger.ms=5"));

        Properties producer = settings.producer();

        assertThat(settings.topic).isEqualTo("actrack.actions");
        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("linger.ms", "5");
    }

    @Test
    void aBadTopicOrPropertyIsRefusedNamingItsKey() {
        assertThatThrownBy(
                        () -> read(Map.of("actrack.kafka.bootstrap-servers", "k:9092", "actrack.kafka.topic", "a b")))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.kafka.topic");
        assertThatThrownBy(() -> read(Map.of(
                        "actrack.kafka.bootstrap-servers", "k:9092", "actrack.kafka.producer-properties", "no-equals")))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("actrack.kafka.producer-properties");
    }

    @Test
    void theReferenceDocumentsEverySettingAsDeclared() throws IOException {
        assertThat(ReferenceTable.documented("actrack.kafka."))
                .containsExactlyElementsOf(ReferenceTable.declared(KafkaSettings.ALL));
    }
}
