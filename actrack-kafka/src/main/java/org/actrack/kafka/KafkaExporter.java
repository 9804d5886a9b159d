/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ExportedEvent;
import org.actrack.spi.SettingsSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The application's {@link ActionExporter} when actrack-kafka's jar is in it: a {@link KafkaActionExporter} with one
 * idempotent producer for the application, set up from {@code actrack.kafka.bootstrap-servers},
 * {@code actrack.kafka.topic} and {@code actrack.kafka.producer-properties} (read where actrack reads its other
 * settings). A missing or invalid setting stops the application's start, naming the key.
 */
@ApplicationScoped
public class KafkaExporter implements ActionExporter {

    private static final System.Logger LOGGER = System.getLogger(KafkaExporter.class.getName());

    @Inject
    SettingsSource source;

    private Producer<String, byte[]> producer;
    private KafkaActionExporter exporter;

    @PostConstruct
    void connect() {
        KafkaSettings settings = KafkaSettings.from(source::value);
        producer = new KafkaProducer<>(settings.producer());
        exporter = new KafkaActionExporter(producer, settings.topic);
        LOGGER.log(System.Logger.Level.INFO, "actrack exports the outbox to Kafka: {0}", settings);
    }

    /** Connects when the application starts, so that a bad setting stops the start. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // The container creates the bean for this observer: connect() has run.
    }

    @Override
    public void export(List<ExportedEvent> events) throws Exception {
        exporter.export(events);
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
