/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.jms;

import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.naming.Context;
import javax.naming.InitialContext;
import org.actrack.ActrackSettings;
import org.actrack.engine.ActrackContractTest;
import org.actrack.engine.ActrackEngine;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.write.OutboxRelay;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay with the Jakarta Messaging exporter, against a real broker (ActiveMQ Classic 6, in this JVM, found
 * through its JNDI provider as a server's would be): each committed action arrives as one message holding its
 * CloudEvent, one subject's messages in order, and a broker that is down costs a retry, not an event.
 */
class JmsExportTest extends ActrackContractTest {

    private static final String BROKER = "vm://actrack-jms-test?create=false";
    private static final String QUEUE = "actrack.actions";

    private BrokerService broker;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder()
                .outbox(true)
                .outboxSource("https://railway.example/actrack")
                .build();
    }

    @AfterEach
    void noBroker() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }

    @Test
    void eachCommittedActionArrivesAsOneMessageHoldingItsCloudEventGroupedBySubject() throws Exception {
        startBroker();
        User driver = user("driver");
        Project twelve = project("line 12");
        Project thirteen = project("line 13");
        for (int i = 0; i < 5; i++) {
            log.log(driver, "stop " + i, targets(i % 2 == 0 ? twelve : thirteen), noGrouping());
        }

        assertThat(relayUntilIdle(exporter())).isEqualTo(5);
        assertThat(rows("actrack_outbox")).isZero();

        List<TextMessage> messages = consume(5);
        assertThat(messages).hasSize(5);
        TextMessage first = messages.get(0);
        JsonObject cloudEvent =
                Json.createReader(new StringReader(first.getText())).readObject();
        assertThat(cloudEvent.getString("specversion")).isEqualTo("1.0");
        assertThat(cloudEvent.getJsonObject("data").getString("verb")).isEqualTo("stop 0");
        assertThat(first.getStringProperty("cloudEvents_specversion")).isEqualTo("1.0");
        assertThat(first.getStringProperty("cloudEvents_id"))
                .startsWith("actrack-action-")
                .isEqualTo(cloudEvent.getString("id"));
        assertThat(first.getStringProperty("cloudEvents_type")).isEqualTo("org.actrack.action.logged");
        assertThat(first.getStringProperty("cloudEvents_source")).isEqualTo("https://railway.example/actrack");
        assertThat(first.getStringProperty("cloudEvents_subject")).isEqualTo("Project#" + twelve.getId());
        assertThat(first.getStringProperty("cloudEvents_time")).isEqualTo(cloudEvent.getString("time"));
        assertThat(first.getStringProperty("JMSXGroupID")).isEqualTo("Project#" + twelve.getId());
        assertThat(first.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
        assertThat(messages.stream()
                        .filter(message ->
                                property(message, "cloudEvents_subject").equals("Project#" + twelve.getId()))
                        .map(JmsExportTest::verb)
                        .toList())
                .as("one subject's messages in the order the actions were logged")
                .containsExactly("stop 0", "stop 2", "stop 4");
        assertThat(messages)
                .extracting(message -> property(message, "cloudEvents_id"))
                .doesNotHaveDuplicates();
    }

    @Test
    void whileTheBrokerIsDownTheEventsWaitAndArriveOnceItIsBack() throws Exception {
        User driver = user("driver");
        Project twelve = project("line 12");
        log.log(driver, "departed", targets(twelve), noGrouping());
        JmsActionExporter exporter = new JmsActionExporter(
                new ActiveMQConnectionFactory(BROKER), new org.apache.activemq.command.ActiveMQQueue(QUEUE));
        OutboxRelay relay = ((ActrackEngine) log).outboxRelay();

        OutboxRelay.Round refused = relay.relayOnce("node", exporter, Supplier::get);

        assertThat(refused.failure()).as("no broker to take the event").isNotNull();
        assertThat(refused.failed()).hasSize(1);
        assertThat(rows("actrack_outbox")).isEqualTo(1);

        startBroker();
        clock.advance(Duration.ofMinutes(1));
        assertThat(relayUntilIdle(exporter)).isEqualTo(1);
        List<TextMessage> messages = consume(1);
        assertThat(messages).extracting(JmsExportTest::verb).containsExactly("departed");
        assertThat(rows("actrack_outbox")).isZero();
    }

    private void startBroker() throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("actrack-jms-test");
        broker.setPersistent(false);
        broker.setUseJmx(false);
        broker.setAdvisorySupport(false);
        broker.start();
        broker.waitUntilStarted();
    }

    /** The exporter the settings name, found through ActiveMQ's JNDI provider. */
    private static JmsActionExporter exporter() throws Exception {
        Map<String, String> configured =
                Map.of("actrack.jms.connection-factory", "ConnectionFactory", "actrack.jms.destination", "jms/actrack");
        return JmsSettings.from(key -> Optional.ofNullable(configured.get(key))).exporter(naming());
    }

    static Context naming() throws Exception {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "org.apache.activemq.jndi.ActiveMQInitialContextFactory");
        environment.put(Context.PROVIDER_URL, BROKER);
        environment.put("queue.jms/actrack", QUEUE);
        return new InitialContext(environment);
    }

    private static List<TextMessage> consume(int count) throws Exception {
        List<TextMessage> messages = new ArrayList<>();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER);
        try (JMSContext context = factory.createContext()) {
            Queue queue = context.createQueue(QUEUE);
            JMSConsumer consumer = context.createConsumer(queue);
            while (messages.size() < count) {
                Message message = consumer.receive(10_000);
                if (message == null) {
                    break;
                }
                messages.add((TextMessage) message);
            }
            assertThat(consumer.receiveNoWait()).as("no message more").isNull();
        }
        return messages;
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
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
