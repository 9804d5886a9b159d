/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.foreignId;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Many transactions logging the same keys at once, each on its own pooled connection at the database's default
 * isolation: every transaction commits, and each key is stored once, with one set of unread marks and one outbox event.
 * PostgreSQL and MariaDB only: H2 has no insert that waits for a concurrent one and then does nothing, so there the
 * second of two simultaneous transactions fails with a duplicate key (docs/guide.md says so).
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "h2|",
        disabledReason = "H2 refuses the second of two simultaneous inserts of one key; see docs/guide.md")
class ForeignIdConcurrencyTest extends ActrackContractTest {

    private static final int THREADS = 8;
    private static final int KEYS = 20;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().outbox(true).build();
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void everyTransactionCommitsAndEachKeyIsStoredOnce() throws Exception {
        Project order = project("order");
        User clerk = user("clerk");
        log.track(clerk, order, actorOnly(false));
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<Integer>> commits = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            User customer = user("customer " + t);
            commits.add(threads.submit(() -> {
                int committed = 0;
                for (int key = 0; key < KEYS; key++) {
                    together.await(1, TimeUnit.MINUTES);
                    try (Transaction transaction = transaction()) {
                        transaction.log().log(customer, "paid", targets(order), foreignId("payment-" + key));
                        transaction.commit();
                        committed++;
                    }
                }
                return committed;
            }));
        }
        for (Future<Integer> thread : commits) {
            assertThat(thread.get(3, TimeUnit.MINUTES)).isEqualTo(KEYS);
        }

        assertThat(rows("actrack_action")).isEqualTo(KEYS);
        assertThat(rows("actrack_outbox")).isEqualTo(KEYS);
        assertThat(log.unread(clerk).count()).isEqualTo(KEYS);
        assertThat(rows("actrack_action_ref"))
                .as("an actor and a target per stored action, nothing of the others")
                .isEqualTo(2L * KEYS);
        for (int key = 0; key < KEYS; key++) {
            assertThat(log.actionByForeignId("payment-" + key)).isPresent();
        }
    }

    private Transaction transaction() {
        return new Transaction(database.factory(), settings(), clock, Handlers.lookup());
    }
}
