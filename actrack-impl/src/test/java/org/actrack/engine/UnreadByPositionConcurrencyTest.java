/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ActrackException;
import org.actrack.ObjectRef;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.actrack.spi.Fanout;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Broadcast actions (unread by position) logged, rolled back, read one by one and all at once by many transactions at
 * the same moment, each on its own pooled connection at the database's default isolation: every committed action has
 * its one row and no rolled-back one has, no call fails for a conflict that is not retryable, and each user's counts
 * agree with their unread feed afterwards.
 */
class UnreadByPositionConcurrencyTest extends ActrackContractTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 15;
    private static final String ANNOUNCED = "announced";
    private static final ActionHandler BROADCAST = new ActionHandler() {
        @Override
        public boolean unreadByPosition() {
            return true;
        }
    };
    private static final Function<String, ActionHandler> HANDLERS =
            verb -> verb.equals(ANNOUNCED) ? BROADCAST : Handlers.DEFAULT;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    @Test
    void committedBroadcastActionsAreKeptOnceAndCountsStayExactWhileUsersReadThem() throws Exception {
        Project line = project("line 1");
        List<User> readers = List.of(user("ann"), user("bob"), user("cat"));
        for (User reader : readers) {
            log.track(reader, line, actorOnly(false));
        }
        clock.advance(Duration.ofSeconds(1));
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<Integer>> committed = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            committed.add(threads.submit(() -> {
                Random random = new Random(thread);
                int logged = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    together.await(1, TimeUnit.MINUTES);
                    User reader = readers.get(random.nextInt(readers.size()));
                    for (int attempt = 1; ; attempt++) {
                        try (Transaction transaction =
                                new Transaction(database.factory(), settings(), clock, HANDLERS, Set.of(ANNOUNCED))) {
                            if (thread % 2 == 0) {
                                transaction.log().log(null, ANNOUNCED, targets(line));
                                if (round % 3 == 2) {
                                    transaction.rollback();
                                    break;
                                }
                                transaction.commit();
                                logged++;
                            } else if (thread % 4 == 1) {
                                List<Action> unread = transaction
                                        .log()
                                        .actions(reader)
                                        .feed()
                                        .unreadFor(reader)
                                        .list(3);
                                transaction.log().unread(reader).markRead(unread, true);
                                transaction.commit();
                            } else {
                                transaction.log().unread(reader).markAllRead();
                                transaction.commit();
                            }
                            break;
                        } catch (ActrackException conflict) {
                            assertThat(conflict.isRetryable())
                                    .as(conflict.getMessage())
                                    .isTrue();
                            assertThat(attempt).as("attempts of one call").isLessThan(20);
                            Thread.sleep(random.nextInt(20));
                        }
                    }
                }
                return logged;
            }));
        }
        int logged = 0;
        for (Future<Integer> thread : committed) {
            logged += thread.get(3, TimeUnit.MINUTES);
        }

        assertThat(logged).isEqualTo(THREADS / 2 * (ROUNDS - ROUNDS / 3));
        assertThat(rows("actrack_action")).isEqualTo(logged);
        assertThat(rows("actrack_broadcast")).isEqualTo(logged);
        assertThat(rows("actrack_unread")).isZero();
        Fanout fanout = log.unwrap(Integration.class).fanout();
        for (User reader : readers) {
            long count = log.unread(reader).count();
            assertThat(log.actions(reader).feed().unreadFor(reader).count()).isEqualTo(count);
            ObjectRef ref = fanout.ref(reader);
            assertThat(fanout.unreadCounts(List.of(ref))).containsEntry(ref, count);
        }
        clock.advance(Duration.ofSeconds(1));
        for (User reader : readers) {
            log.unread(reader).markAllRead();
            assertThat(log.unread(reader).count()).isZero();
        }
        assertThat(rows("actrack_read_mark")).isZero();
    }
}
