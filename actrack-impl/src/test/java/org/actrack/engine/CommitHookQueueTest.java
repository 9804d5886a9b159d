/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.data;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionStored;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.sql.ProviderHooks;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.EntityManagerSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction queue that writes at commit (as actrack-cdi binds one to each JTA transaction): the rows of its actions
 * wait with their unread marks and go in JDBC batches, before actrack does anything else in the transaction or when
 * it is about to commit; whatever happens to them in between (grouping, combination) is what is written.
 */
class CommitHookQueueTest extends ActrackContractTest {

    private EntityManager em;
    private ActionQueue queue;
    private ActrackEngine engine;

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        em = factory.createEntityManager();
        queue = ActionQueue.forTransactionWithCommitHook();
        engine = Actrack.builder()
                .entityManagerSource(EntityManagerSource.sharing(em))
                .settings(settings)
                .clock(testClock)
                .handlers(Handlers.lookup())
                .queues(() -> queue)
                .buildEngine();
        return engine;
    }

    /** A test that failed midway leaves its transaction open: its locks would hold up the next test's clean. */
    @AfterEach
    void endTransaction() {
        if (em.isOpen()) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * Whether the unit numbers actrack's rows on insert (EclipseLink's {@code MySQLPlatform} makes the sequence
     * generators {@code AUTO_INCREMENT}): then the provider writes them, one statement each.
     */
    private boolean numbersOnInsert() {
        return new ProviderHooks().numbersOnInsert(database.factory(), ActionEntity.class);
    }

    private void commit() {
        engine.beforeCommit(queue);
        em.getTransaction().commit();
        em.close();
    }

    /** An action log of its own, for reading after the transaction. */
    private ActionLog reader() {
        return Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(settings())
                .clock(clock)
                .handlers(Handlers.lookup())
                .build();
    }

    @Test
    void actionsOfATransactionAreStoredWhenItCommitsInLoggingOrder() {
        User user = user("user");
        Project project = project("project");
        em.getTransaction().begin();
        for (int i = 0; i < 5; i++) {
            log.log(em.merge(user), "edited", targets(em.merge(project)), data("n", i), groupingDelay(-1));
        }
        assertThat(storedRows()).as("rows wait for the commit").isZero();
        commit();

        List<Action> stored = everything(reader().actions(project).all());
        assertThat(stored)
                .extracting(action -> ((Number) action.data().get("n")).intValue())
                .containsExactly(4, 3, 2, 1, 0);
        assertThat(stored).extracting(Action::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(queue.stored())
                .extracting(ActionStored::id)
                .containsExactlyElementsOf(
                        stored.stream().map(Action::id).sorted().toList());
    }

    @Test
    void theRowsOfAHundredActionsGoInOneBatchEach() {
        User user = user("user");
        Project project = project("project");
        em.getTransaction().begin();
        database.statements().reset();
        for (int i = 0; i < 100; i++) {
            log.log(em.merge(user), "edited", targets(em.merge(project)), groupingDelay(-1));
        }
        engine.beforeCommit(queue);

        List<String> inserts = database.statements().statements().stream()
                .filter(sql -> sql.startsWith("INSERT INTO actrack_action"))
                .toList();
        if (numbersOnInsert()) {
            assertThat(inserts).as("the provider's statements, one per row").hasSize(300);
        } else {
            assertThat(inserts)
                    .as("one prepared statement for the actions, one for their references")
                    .hasSize(2);
        }
        em.getTransaction().commit();
        em.close();
        assertThat(rows("actrack_action")).isEqualTo(100);
        assertThat(rows("actrack_action_ref")).isEqualTo(200);
    }

    @Test
    void actionsWrittenByTheProviderAndByTheQueueInTurnNeverShareAnId() {
        User user = user("user");
        Project project = project("project");
        ActionLog alone = reader();
        em.getTransaction().begin();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 60; i++) {
                alone.log(user, "viewed", targets(project), groupingDelay(-1));
            }
            for (int i = 0; i < 60; i++) {
                log.log(em.merge(user), "edited", targets(em.merge(project)), groupingDelay(-1));
            }
            engine.beforeCommit(queue);
            em.getTransaction().commit();
            em.getTransaction().begin();
        }
        commit();

        assertThat(rows("actrack_action")).isEqualTo(360);
        assertThat(rows("actrack_action_ref")).isEqualTo(720);
    }

    @Test
    void aReadInTheTransactionSeesItsActions() {
        User user = user("user");
        em.getTransaction().begin();
        log.log(em.merge(user), "created");

        assertThat(everything(log.actions(user).all())).extracting(Action::verb).containsExactly("created");
        commit();
        assertThat(rows("actrack_action")).isEqualTo(1);
    }

    @Test
    void anActionGroupedIntoOneWrittenEarlierInTheTransactionKeepsEveryContribution() {
        User user = user("user");
        Project first = project("first");
        Project second = project("second");
        em.getTransaction().begin();
        log.log(em.merge(user), "edited", targets(em.merge(first)), data("a", 1), groupingDelay(60));
        // Reading writes the waiting rows: the next action groups into rows already in the database.
        assertThat(everything(log.actions(user).all())).hasSize(1);
        log.log(em.merge(user), "edited", targets(em.merge(second)), data("b", 2), groupingDelay(60));
        commit();

        List<Action> stored = everything(reader().actions(user).all());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).targets()).hasSize(2);
        assertThat(stored.get(0).data()).containsOnlyKeys("a", "b");
        assertThat(rows("actrack_action_ref")).isEqualTo(3);
    }

    @Test
    void anActionGroupedIntoOneStillWaitingIsWrittenOnceWithBoth() {
        User user = user("user");
        Project first = project("first");
        Project second = project("second");
        em.getTransaction().begin();
        log.log(em.merge(user), "edited", targets(em.merge(first)), groupingDelay(60));
        log.log(em.merge(user), "edited", targets(em.merge(second)), groupingDelay(60));
        commit();

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(rows("actrack_action_ref")).isEqualTo(3);
    }

    @Test
    void anActionCombinedAwayAfterItWasWrittenIsRemovedWithItsRows() {
        User user = user("user");
        em.getTransaction().begin();
        log.log(em.merge(user), "my_included_action");
        assertThat(everything(log.actions(user).all())).hasSize(1);
        log.log(em.merge(user), "my_all_inclusive_action");
        commit();

        assertThat(everything(reader().actions(user).all()))
                .extracting(Action::verb)
                .containsExactly("my_all_inclusive_action");
        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(rows("actrack_action_ref")).isEqualTo(1);
    }

    @Test
    void anActionCombinedAwayWhileWaitingIsNeverWritten() {
        User user = user("user");
        em.getTransaction().begin();
        log.log(em.merge(user), "my_included_action");
        log.log(em.merge(user), "my_all_inclusive_action");
        commit();

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(rows("actrack_action_ref")).isEqualTo(1);
    }

    @Test
    void aTransactionThatRollsBackWritesNothing() {
        User user = user("user");
        em.getTransaction().begin();
        log.log(em.merge(user), "created");
        log.log(em.merge(user), "edited");
        em.getTransaction().rollback();
        em.close();

        assertThat(storedRows()).isZero();
    }

    @Test
    void aSequenceThatStartsLowGivesPositiveIdsThatNoOtherBlockHas() {
        // As Hibernate ORM creates actrack's sequences from the mapping: starting at 1.
        restartSequence(1);
        try {
            User user = user("user");
            em.getTransaction().begin();
            for (int i = 0; i < 3; i++) {
                log.log(em.merge(user), "edited", data("n", i), groupingDelay(-1));
            }
            commit();
            // Logged without a queue, through the provider, whose block is the next one.
            reader().log(user, "created");

            List<Long> ids = everything(reader().actions(user).all()).stream()
                    .map(Action::id)
                    .toList();
            assertThat(ids).hasSize(4).doesNotHaveDuplicates().allMatch(id -> id >= 1);
        } finally {
            restartSequence(1_000_000);
        }
    }

    @Test
    void enginesTakingTheirFirstBlocksAtOnceNeverShareAnId() throws Exception {
        restartSequence(1);
        try {
            User user = user("user");
            int engines = 8;
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(engines);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < engines; i++) {
                work.add(threads.submit(() -> {
                    start.await();
                    // Each with an engine of its own, as each has its blocks of ids.
                    try (org.actrack.engine.testing.Transaction transaction =
                            new org.actrack.engine.testing.Transaction(
                                    database.factory(), settings(), clock, Handlers.lookup())) {
                        for (int n = 0; n < 3; n++) {
                            transaction.log().log(transaction.entityManager().merge(user), "edited", groupingDelay(-1));
                        }
                        transaction.commit();
                    }
                    return null;
                }));
            }
            start.countDown();
            try {
                for (java.util.concurrent.Future<?> future : work) {
                    future.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(rows("actrack_action")).isEqualTo(3L * engines);
        } finally {
            restartSequence(1_000_000);
        }
    }

    /** Restarts actrack's sequences of action and reference ids. */
    private void restartSequence(long start) {
        inTransaction(other -> {
            other.createNativeQuery("ALTER SEQUENCE actrack_action_seq RESTART WITH " + start)
                    .executeUpdate();
            other.createNativeQuery("ALTER SEQUENCE actrack_action_ref_seq RESTART WITH " + start)
                    .executeUpdate();
        });
    }
}
