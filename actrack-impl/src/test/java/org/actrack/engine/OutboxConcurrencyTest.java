/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.actrack.ActrackSettings;
import org.actrack.LogOption;
import org.actrack.Options;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.model.OutboxEntity;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox under many transactions at once, each on its own pooled connection at the database's default isolation:
 * every committed action has its one {@code logged} event, every update event names a committed action, and a
 * rolled-back transaction leaves no event.
 */
class OutboxConcurrencyTest extends ActrackContractTest {

    private static final int THREADS = 8;
    private static final int TRANSACTIONS_PER_THREAD = 10;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().outbox(true).groupingDelaySeconds(3600).build();
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void everyCommittedActionHasItsEventAndNoRolledBackOneHasAny() throws Exception {
        List<OutboxEntity> events = writeAtOnce(new LogOption[0]);

        assertThat(events.stream().filter(event -> event.getType().endsWith("updated")))
                .as("later transactions grouped into what earlier ones stored")
                .isNotEmpty();
    }

    @Test
    void withoutGroupingEveryCommittedActionHasItsOneEventAndNothingElse() throws Exception {
        List<OutboxEntity> events = writeAtOnce(new LogOption[] {Options.noGrouping()});

        assertThat(events).extracting(OutboxEntity::getType).containsOnly("org.actrack.action.logged");
    }

    /**
     * Eight writers at once, a third of their transactions rolled back; every event names a committed action, and every
     * committed action has its one logged event. Returns the events.
     */
    private List<OutboxEntity> writeAtOnce(LogOption[] grouping) throws Exception {
        Project project = project("project");
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(task("task " + i, project));
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Integer>> committed = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            // Each thread its own actor: its actions group into those its earlier transactions stored.
            User actor = user("writer " + t);
            committed.add(threads.submit(() -> {
                start.await();
                int commits = 0;
                for (int i = 0; i < TRANSACTIONS_PER_THREAD; i++) {
                    try (Transaction transaction = transaction()) {
                        transaction.log().log(
                                actor, "created", with(grouping, targets(tasks.get(i % 3)), related(project)));
                        transaction.log().log(actor, "closed", with(grouping, targets(project)));
                        if (i % 3 == 2) {
                            transaction.rollback();
                        } else {
                            transaction.commit();
                            commits++;
                        }
                    }
                }
                return commits;
            }));
        }
        for (Future<Integer> thread : committed) {
            assertThat(thread.get(2, TimeUnit.MINUTES)).isPositive();
        }

        Set<Long> actions = new HashSet<>(read(em ->
                em.createQuery("SELECT a.id FROM ActrackAction a", Long.class).getResultList()));
        List<OutboxEntity> events = read(em -> em.createQuery("SELECT e FROM ActrackOutbox e", OutboxEntity.class)
                .getResultList());
        List<Long> logged = new ArrayList<>();
        for (OutboxEntity event : events) {
            String[] parts = event.getId().split("-");
            long action = Long.parseLong(parts[2]);
            assertThat(actions)
                    .as("the action of event %s was committed", event.getId())
                    .contains(action);
            if (event.getType().endsWith("logged")) {
                logged.add(action);
            }
        }
        assertThat(logged).as("one logged event per committed action").hasSameSizeAs(actions);
        assertThat(new HashSet<>(logged)).isEqualTo(actions);
        return events;
    }

    private static LogOption[] with(LogOption[] grouping, LogOption... options) {
        LogOption[] all = java.util.Arrays.copyOf(options, options.length + grouping.length);
        System.arraycopy(grouping, 0, all, options.length, grouping.length);
        return all;
    }

    private Transaction transaction() {
        return new Transaction(database.factory(), settings(), clock, Handlers.lookup());
    }
}
