/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.jms;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ExportedEvent;

/**
 * Sends the outbox's events to a Jakarta Messaging destination (a queue or a topic), each as one persistent
 * {@link TextMessage}:
 *
 * <ul>
 *   <li>the body is the whole CloudEvent in the JSON event format ({@code application/cloudevents+json}: the
 *       structured content mode, the same document actrack wrote in the outbox and Debezium would export);
 *   <li>the context attributes are also message properties named as the CloudEvents AMQP binding names them for
 *       Jakarta Messaging clients ({@code cloudEvents_specversion}, {@code cloudEvents_id}, {@code cloudEvents_source},
 *       {@code cloudEvents_type}, {@code cloudEvents_subject}, {@code cloudEvents_time}), so consumers can select by
 *       them without parsing the body;
 *   <li>{@code JMSXGroupID} is the subject ({@code Type#id}), so a broker that groups messages (ActiveMQ Artemis, which
 *       WildFly and Payara Server embed, and ActiveMQ Classic) hands one subject's events to one consumer at a time,
 *       in order, while several consumers share the queue.
 * </ul>
 *
 * <p>{@link #export} sends a batch through one {@link JMSContext} from the factory and returns once the broker took
 * every message; it throws otherwise, so that the relay tries them again. Inside a Jakarta EE server, call it in a
 * transaction (as {@link JmsExporter} does): the context then joins it, and the broker takes the batch whole or not at
 * all.
 */
public final class JmsActionExporter implements ActionExporter {

    /** The CloudEvent attributes copied into message properties, each as {@code cloudEvents_<name>}. */
    static final List<String> ATTRIBUTES = List.of("specversion", "id", "source", "type", "subject", "time");

    /** The prefix of the attributes' property names (the CloudEvents AMQP binding's, for Jakarta Messaging). */
    static final String PROPERTY_PREFIX = "cloudEvents_";

    private final ConnectionFactory factory;
    private final Destination destination;

    /**
     * An exporter that sends through {@code factory} to {@code destination}.
     *
     * @param factory where the connections come from (a server's pooled factory, or a broker client's)
     * @param destination the queue or topic the events go to
     */
    public JmsActionExporter(ConnectionFactory factory, Destination destination) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.destination = Objects.requireNonNull(destination, "destination");
    }

    @Override
    public void export(List<ExportedEvent> events) throws JMSException {
        try (JMSContext context = factory.createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (ExportedEvent event : events) {
                producer.send(destination, message(context, event));
            }
        }
    }

    /** The message of an event: the structured CloudEvent, its attributes as properties, grouped by subject. */
    static TextMessage message(JMSContext context, ExportedEvent event) throws JMSException {
        TextMessage message = context.createTextMessage(event.cloudEvent());
        JsonObject cloudEvent;
        try (JsonReader reader = Json.createReader(new StringReader(event.cloudEvent()))) {
            cloudEvent = reader.readObject();
        }
        for (String attribute : ATTRIBUTES) {
            if (cloudEvent.get(attribute) instanceof JsonString text) {
                message.setStringProperty(PROPERTY_PREFIX + attribute, text.getString());
            }
        }
        message.setStringProperty("JMSXGroupID", event.subject());
        return message;
    }
}
