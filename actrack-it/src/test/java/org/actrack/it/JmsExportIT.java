/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.Trains;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * actrack-jms in WildFly's {@code standalone-full} configuration (its embedded ActiveMQ Artemis; the queue
 * {@code java:/jms/queue/actrack} comes from wildfly/configure-server.cli): with the jar in the WAR and two settings,
 * the relay running on the server's scheduler sends each committed action to the queue as one message holding its
 * CloudEvent, and a rolled-back transaction sends nothing. Payara Micro has no broker, so this class runs in WildFly
 * only.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@EnabledIf(value = "inWildFly", disabledReason = "Payara Micro has no Jakarta Messaging broker; WildFly has one")
@ExtendWith(ArquillianExtension.class)
class JmsExportIT {

    @Deployment
    static WebArchive deployment() {
        return Wars.application(
                        "actrack-jms-it",
                        "actrack.outbox=true",
                        "actrack.outbox.interval=100",
                        "actrack.outbox.source=https://railway.example/actrack",
                        "actrack.jms.destination=java:/jms/queue/actrack")
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-jms"));
    }

    /** In the test JVM, the build's choice of server; in the server, WildFly's own system property. */
    static boolean inWildFly() {
        return "wildfly".equals(System.getProperty("arquillian.launch"))
                || System.getProperty("jboss.home.dir") != null;
    }

    @Inject
    Trains trains;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/actrack")
    Queue queue;

    @Test
    void eachCommittedActionReachesTheServersQueueAndARolledBackOneNothing() throws Exception {
        Member driver = trains.create(new Member("jms driver"));
        Train train = trains.create(new Train("jms 1"));
        Station lyon = trains.create(new Station("jms Lyon"));
        drain();

        trains.depart(driver, train, lyon);
        assertThatThrownBy(() -> trains.departThenFail(driver, train, lyon)).isNotNull();
        trains.arrive(driver, train, lyon);

        List<TextMessage> messages = receive(2);
        assertThat(messages).extracting(JmsExportIT::verb).containsExactly("departed", "arrived");
        TextMessage departed = messages.get(0);
        JsonObject cloudEvent =
                Json.createReader(new StringReader(departed.getText())).readObject();
        assertThat(departed.getStringProperty("cloudEvents_id")).isEqualTo(cloudEvent.getString("id"));
        assertThat(departed.getStringProperty("cloudEvents_type")).isEqualTo("org.actrack.action.logged");
        assertThat(departed.getStringProperty("cloudEvents_source")).isEqualTo("https://railway.example/actrack");
        assertThat(departed.getStringProperty("cloudEvents_subject")).isEqualTo("Train#" + train.getId());
        assertThat(departed.getStringProperty("JMSXGroupID")).isEqualTo("Train#" + train.getId());
    }

    /** Leaves out what an earlier run left in the queue (WildFly keeps it in its journal under target/). */
    private void drain() {
        try (JMSConsumer consumer = jms.createConsumer(queue)) {
            while (consumer.receive(500) != null) {
                // an earlier run's message
            }
        }
    }

    /** Messages in the order they arrive, until {@code count} came; then checks that no other follows. */
    private List<TextMessage> receive(int count) {
        List<TextMessage> messages = new ArrayList<>();
        try (JMSConsumer consumer = jms.createConsumer(queue)) {
            while (messages.size() < count) {
                Message message = consumer.receive(30_000);
                if (message == null) {
                    break;
                }
                messages.add((TextMessage) message);
            }
            assertThat(consumer.receive(1_000))
                    .as("the rolled-back action's event")
                    .isNull();
        }
        return messages;
    }

    private static String verb(TextMessage message) {
        try {
            return Json.createReader(new StringReader(message.getText()))
                    .readObject()
                    .getJsonObject("data")
                    .getString("verb");
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
