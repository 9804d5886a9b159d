/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.model.OutboxEntity;
import org.actrack.engine.write.OutboxRelay;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ExportedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay: events handed to an exporter in the order they were written per subject, deleted once delivered,
 * retried with a growing delay after a failure and left aside as dead after the last attempt, and shared by several
 * nodes without one event going to two of them.
 */
class OutboxRelayTest extends ActrackContractTest {

    private static final OutboxRelay.Transactions OWN = Supplier::get;

    private User writer;
    private Project first;
    private Project second;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().outbox(true).outboxMaxAttempts(3).build();
    }

    @BeforeEach
    void threeActionsAboutTwoProjects() {
        writer = user("writer");
        first = project("first");
        second = project("second");
        log.log(writer, "opened", targets(first), noGrouping());
        log.log(writer, "opened", targets(second), noGrouping());
        log.log(writer, "closed", targets(first), noGrouping());
    }

    private OutboxRelay relay() {
        return ((ActrackEngine) log).outboxRelay();
    }

    @Test
    void eachRoundHandsOverTheOldestEventOfEachSubjectAndDeletesWhatWasDelivered() {
        List<List<ExportedEvent>> batches = new ArrayList<>();
        ActionExporter exporter = batches::add;

        OutboxRelay.Round one = relay().relayOnce("node", exporter, OWN);
        OutboxRelay.Round two = relay().relayOnce("node", exporter, OWN);
        OutboxRelay.Round three = relay().relayOnce("node", exporter, OWN);

        assertThat(one.delivered())
                .extracting(ExportedEvent::subject)
                .containsExactly("Project#" + first.getId(), "Project#" + second.getId());
        assertThat(two.delivered()).singleElement().satisfies(event -> {
            assertThat(event.subject()).isEqualTo("Project#" + first.getId());
            assertThat(event.cloudEvent()).contains("\"verb\":\"closed\"");
            assertThat(event.type()).isEqualTo("org.actrack.action.logged");
            assertThat(event.attempt()).isEqualTo(1);
        });
        assertThat(three.idle()).isTrue();
        assertThat(batches).hasSize(2);
        assertThat(rows("actrack_outbox")).isZero();
    }

    @Test
    void aFailedExportIsRetriedLaterAndAfterTheLastAttemptIsDeadWithoutBlockingItsSubject() {
        ActionExporter failing = events -> {
            throw new IllegalStateException("broker away");
        };

        OutboxRelay.Round failed = relay().relayOnce("node", failing, OWN);

        assertThat(failed.failed()).hasSize(2);
        assertThat(failed.failure()).hasMessage("broker away");
        assertThat(relay().relayOnce("node", failing, OWN).idle())
                .as("not due before its delay")
                .isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(relay().relayOnce("node", failing, OWN).failed()).hasSize(2);
        clock.advance(Duration.ofSeconds(3));
        OutboxRelay.Round last = relay().relayOnce("node", failing, OWN);
        assertThat(last.dead())
                .hasSize(2)
                .allSatisfy(event -> assertThat(event.attempt()).isEqualTo(3));

        List<OutboxEntity> dead =
                read(em -> em.createQuery("SELECT e FROM ActrackOutbox e WHERE e.state = 'DEAD'", OutboxEntity.class)
                        .getResultList());
        assertThat(dead).hasSize(2).allSatisfy(event -> {
            assertThat(event.getAttempts()).isEqualTo(3);
            assertThat(event.getLastError()).contains("broker away");
        });
        List<ExportedEvent> delivered = new ArrayList<>();
        clock.advance(Duration.ofMinutes(1));
        relay().relayOnce("node", delivered::addAll, OWN);
        assertThat(delivered)
                .as("the first project's next event, behind a dead one")
                .singleElement()
                .satisfies(event -> assertThat(event.cloudEvent()).contains("\"verb\":\"closed\""));
    }

    @Test
    void eventsOfANodeThatStoppedMidBatchGoToAnotherOnceItsClaimRanOutWithTheSameIds() throws Exception {
        java.util.concurrent.CountDownLatch handedOver = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        List<String> stuck = Collections.synchronizedList(new ArrayList<>());
        ActionExporter hanging = events -> {
            events.forEach(event -> stuck.add(event.id()));
            handedOver.countDown();
            never.await(); // a node that stopped in the middle of its batch: it never comes back to settle
        };
        ExecutorService stoppedNode = Executors.newSingleThreadExecutor();
        try {
            Future<OutboxRelay.Round> lost = stoppedNode.submit(() -> relay().relayOnce("stopped", hanging, OWN));
            assertThat(handedOver.await(1, TimeUnit.MINUTES)).isTrue();

            assertThat(relay().relayOnce("other", events -> {}, OWN).idle())
                    .as("claimed by the stopped node: not delivered twice at once")
                    .isTrue();
            clock.advance(OutboxRelay.CLAIM.plusSeconds(1));
            List<String> redelivered = new ArrayList<>();
            relay().relayOnce("other", events -> events.forEach(event -> redelivered.add(event.id())), OWN);

            assertThat(redelivered).as("the same CloudEvent ids").containsExactlyElementsOf(stuck);
            lost.cancel(true);
        } finally {
            stoppedNode.shutdownNow();
        }
        assertThat(stoppedNode.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        List<String> all = new ArrayList<>();
        clock.advance(Duration.ofSeconds(1));
        OutboxRelay.Round round;
        do {
            round = relay().relayOnce("other", events -> events.forEach(event -> all.add(event.id())), OWN);
        } while (!round.idle());
        assertThat(all).as("the rest, once each").hasSize(1).doesNotContainAnyElementsOf(stuck);
        assertThat(rows("actrack_outbox")).isZero();
    }

    @Test
    void nodesRelayingAtOnceDeliverEveryEventOnceInOrderPerSubject() throws Exception {
        for (int i = 0; i < 30; i++) {
            log.log(writer, "moved " + i, targets(i % 2 == 0 ? first : second), noGrouping());
        }
        Map<String, List<String>> bySubject = Collections.synchronizedMap(new LinkedHashMap<>());
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        ActionExporter exporter = events -> events.forEach(event -> {
            all.add(event.id());
            bySubject
                    .computeIfAbsent(event.subject(), s -> Collections.synchronizedList(new ArrayList<>()))
                    .add(event.id());
        });
        int nodes = 4;
        ExecutorService threads = Executors.newFixedThreadPool(nodes);
        try {
            CyclicBarrier start = new CyclicBarrier(nodes);
            List<Future<?>> running = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                String node = "node-" + n;
                running.add(threads.submit(() -> {
                    start.await();
                    int idleRounds = 0;
                    while (idleRounds < 3) {
                        idleRounds = relay().relayOnce(node, exporter, OWN).idle() ? idleRounds + 1 : 0;
                    }
                    return null;
                }));
            }
            for (Future<?> node : running) {
                node.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(all).as("33 events, each once").hasSize(33).doesNotHaveDuplicates();
        assertThat(rows("actrack_outbox")).isZero();
        List<String> written = writtenOrder();
        bySubject.forEach((subject, ids) -> assertThat(ids)
                .as("the events of %s in the order they were written", subject)
                .isEqualTo(written.stream().filter(ids::contains).toList()));
    }

    private List<String> writtenOrder() {
        List<String> ids = new ArrayList<>();
        read(em -> em.createQuery("SELECT a.id FROM ActrackAction a ORDER BY a.timestamp, a.id", Long.class)
                        .getResultList())
                .forEach(id -> ids.add("actrack-action-" + id));
        return ids;
    }
}
