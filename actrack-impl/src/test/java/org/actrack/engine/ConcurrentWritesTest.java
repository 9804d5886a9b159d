/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.data;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.Options;
import org.actrack.TrackOption;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §0.15: many transactions at once, each on its own pooled connection at the database's default
 * isolation (READ COMMITTED on PostgreSQL, REPEATABLE READ on MariaDB), as an application server runs them.
 * Only retryable exceptions may reach a caller; after them the transaction is run again, as an
 * application would.
 */
class ConcurrentWritesTest extends ActrackContractTest {

    private static final int THREADS = 8;
    private static final int TRANSACTIONS_PER_THREAD = 12;
    /**
     * Failed attempts after which a transaction runs alone. Issue 20: without it one transaction was once retried 100
     * times. These transactions take row locks call by call (owner rows, trackers, actions grouped into, unread marks),
     * so two of them can wait for each other in a cycle across calls; PostgreSQL then aborts the one whose wait began
     * first (its {@code deadlock_timeout} expires first), which is the one that took its locks earliest: a long
     * transaction can lose again and again while others keep coming. Running it alone ends that.
     */
    private static final int ALONE_AFTER = 5;

    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() throws InterruptedException {
        // Stopped and awaited, so that after a failure no transaction still writes while the next test cleans up.
        threads.shutdownNow();
        assertThat(threads.awaitTermination(1, TimeUnit.MINUTES))
                .as("the writing threads stop")
                .isTrue();
    }

    @Test
    void concurrentTrackOfOnePairReturnsTheOneTrackerToEveryCallerAndKeepsTheirTransactionsUsable() throws Exception {
        User user = user("user");
        Project project = project("project");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Long>> ids = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int thread = i;
            ids.add(threads.submit(() -> {
                try (Transaction transaction = transaction()) {
                    start.await();
                    List<Tracker> trackers = transaction.log().track(user, project, Options.actorOnly(false));
                    // The caller's transaction is still usable: its own work commits.
                    transaction.entityManager().persist(new Project("made by " + thread));
                    transaction.commit();
                    return trackers.get(0).id().orElse(null);
                }
            }));
        }
        Set<Long> distinct = new HashSet<>();
        for (Future<Long> id : ids) {
            distinct.add(id.get(60, TimeUnit.SECONDS));
        }

        assertThat(distinct).hasSize(1).doesNotContainNull();
        assertThat(rows("actrack_tracker")).isEqualTo(1);
        assertThat(rows("fixture_project")).isEqualTo(1 + THREADS);
    }

    @Test
    void concurrentBatchFollowsWithAndWithoutAFlagLeaveOneTrackerPerUserObjectAndFlag() throws Exception {
        List<User> team = List.of(user("ann"), user("ben"), user("cid"), user("dot"));
        Project project = project("project");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // Half the threads follow with the flag, half without; each list in another order.
            List<User> users = new ArrayList<>(team);
            java.util.Collections.rotate(users, i);
            TrackOption[] options = i % 2 == 0
                    ? new TrackOption[] {Options.actorOnly(false), Options.flag("watching")}
                    : new TrackOption[] {Options.actorOnly(false)};
            calls.add(threads.submit(() -> {
                try (Transaction transaction = transaction()) {
                    start.await();
                    int trackers =
                            transaction.log().trackAll(users, project, options).size();
                    transaction.commit();
                    return trackers;
                }
            }));
        }
        for (Future<Integer> call : calls) {
            assertThat(call.get(60, TimeUnit.SECONDS)).isEqualTo(team.size());
        }

        assertThat(rows("actrack_tracker")).isEqualTo(2L * team.size());
        assertThat(log.trackers(project).tracking().flagged("watching").count()).isEqualTo(team.size());
    }

    @Test
    void manyTransactionsLoggingGroupingTrackingAndMarkingReadLoseNothing() throws Exception {
        runMix(random -> 1 + random.nextInt(4));
    }

    /**
     * Spec §0.15: actrack's own statements never deadlock each other. Each actrack call takes its locks in one order
     * (the owner rows of tracker changes, then trackers, then the actions grouped into, then unread marks), so
     * transactions of one call never wait for each other in a cycle. MariaDB's gap locks (REPEATABLE READ) can still
     * make it refuse one now and then: counted there, not asserted.
     */
    @Test
    void transactionsOfOneCallNeverDeadlockEachOther() throws Exception {
        Outcome outcome = runMix(random -> 1);
        if (!database.kind().equals("mariadb")) {
            assertThat(outcome.failures())
                    .as("conflicts between transactions of one actrack call")
                    .isEmpty();
        }
    }

    /** What a run of the mix met: the conflicts, by kind. */
    private record Outcome(Map<String, Integer> failures) {}

    /**
     * Runs {@value #THREADS} threads of {@value #TRANSACTIONS_PER_THREAD} random transactions, each of the number of
     * calls {@code calls} draws, retrying those refused for a conflict; then checks that nothing was lost or doubled.
     */
    private Outcome runMix(java.util.function.ToIntFunction<Random> calls) throws Exception {
        List<User> users = List.of(user("u0"), user("u1"), user("u2"), user("u3"));
        List<Project> projects = List.of(project("p0"), project("p1"), project("p2"));
        Set<String> committed = ConcurrentHashMap.newKeySet();
        AtomicInteger retried = new AtomicInteger();
        AtomicInteger retriedAtCommit = new AtomicInteger();
        AtomicInteger mostAttempts = new AtomicInteger();
        AtomicInteger ranAlone = new AtomicInteger();
        java.util.concurrent.locks.ReadWriteLock alone = new java.util.concurrent.locks.ReentrantReadWriteLock(true);
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(threads.submit((Callable<Void>) () -> {
                Random random = new Random(thread);
                for (int n = 0; n < TRANSACTIONS_PER_THREAD; n++) {
                    long seed = random.nextLong();
                    String prefix = "t" + thread + "-" + n + "-";
                    for (int attempt = 1; ; attempt++) {
                        List<String> tokens = new ArrayList<>();
                        java.util.concurrent.locks.Lock turn =
                                attempt > ALONE_AFTER ? alone.writeLock() : alone.readLock();
                        turn.lock();
                        try (Transaction transaction = transaction()) {
                            Random choices = new Random(seed);
                            randomWork(
                                    transaction.log(),
                                    choices,
                                    calls.applyAsInt(choices),
                                    users,
                                    projects,
                                    prefix,
                                    tokens);
                            transaction.commit();
                            committed.addAll(tokens);
                            mostAttempts.accumulateAndGet(attempt, Math::max);
                            if (attempt > ALONE_AFTER) {
                                ranAlone.incrementAndGet();
                            }
                            break;
                        } catch (ActrackException e) {
                            assertThat(e.isRetryable())
                                    .as("only retryable exceptions reach callers: %s", e)
                                    .isTrue();
                            failures.merge(kind(e), 1, Integer::sum);
                            retried.incrementAndGet();
                        } catch (jakarta.persistence.RollbackException e) {
                            // The persistence context flushes the logged rows at commit; a conflict met there is the
                            // provider's to report, from the caller's own commit.
                            assertThat(isDatabaseConflict(e))
                                    .as("a commit fails only for a conflict: %s", e)
                                    .isTrue();
                            retriedAtCommit.incrementAndGet();
                            failures.merge("at commit: " + kind(e), 1, Integer::sum);
                        } finally {
                            turn.unlock();
                        }
                        assertThat(attempt)
                                .as("attempts at one transaction: a transaction that runs alone cannot meet a conflict")
                                .isLessThanOrEqualTo(ALONE_AFTER);
                        backOff(random, attempt);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get(5, TimeUnit.MINUTES);
        }

        // Every contribution of a committed transaction is stored exactly once; nothing of a rolled-back one.
        List<String> stored = new ArrayList<>();
        for (Action action : log.streams().model(Project.class).list(1000)) {
            Object ids = action.data().get("ids");
            if (ids != null) {
                ((List<?>) ids).forEach(id -> stored.add((String) id));
            }
        }
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(new HashSet<>(stored)).isEqualTo(committed);
        // One tracker per pair.
        List<Long> duplicated = read(em -> em.createQuery(
                        "SELECT COUNT(t) FROM ActrackTracker t GROUP BY t.ownerKey, t.trackedKey"
                                + " HAVING COUNT(t) > 1",
                        Long.class)
                .getResultList());
        assertThat(duplicated).isEmpty();
        // Unread is exactly the unread part of each feed.
        for (User user : users) {
            assertThat(log.unread(user).count())
                    .as("unread of %s", user.getName())
                    .isEqualTo(log.actions(user).feed().unreadFor(user).count());
        }
        System.getLogger(getClass().getName())
                .log(
                        System.Logger.Level.INFO,
                        "{0} committed contributions, {1} transactions retried after a"
                                + " retryable ActrackException, {2} after a conflict at commit, at most {3} attempts at one transaction, {4} ran alone; failures:"
                                + " {5}",
                        committed.size(),
                        retried.get(),
                        retriedAtCommit.get(),
                        mostAttempts.get(),
                        ranAlone.get(),
                        failures);
        return new Outcome(failures);
    }

    /** One transaction of the mix of {@code operations} calls: logs (never, queue-only and stored grouping), track, untrack, mark read. */
    private void randomWork(
            ActionLog log,
            Random random,
            int operations,
            List<User> users,
            List<Project> projects,
            String prefix,
            List<String> tokens) {
        for (int i = 0; i < operations; i++) {
            User user = users.get(random.nextInt(users.size()));
            Project project = projects.get(random.nextInt(projects.size()));
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> {
                    String token = prefix + i;
                    long delay = List.of(-1L, 0L, 60L, 60L).get(random.nextInt(4));
                    log.log(user, "edited", targets(project), data("ids", List.of(token)), groupingDelay(delay));
                    tokens.add(token);
                }
                case 3 -> log.track(user, project, Options.actorOnly(false));
                case 4 -> log.untrack(user, project);
                default -> {
                    List<Action> unread =
                            log.actions(user).feed().unreadFor(user).list(5);
                    if (random.nextBoolean()) {
                        log.unread(user).markRead(unread, true);
                    } else {
                        log.unread(user).markAllRead();
                    }
                }
            }
        }
        Collections.shuffle(tokens, random);
    }

    /** A failure's message without its numbers, for counting failures by kind. */
    private static String kind(Exception failure) {
        String message = String.valueOf(failure.getMessage()).replaceAll("\\d+", "N");
        return message.substring(0, Math.min(200, message.length()));
    }

    /**
     * Waits before running a transaction again, as an application's retry policy would: a random time (full jitter) up to
     * a bound that doubles with each attempt, from 50 ms to 1.6 s, beyond PostgreSQL's deadlock detection (1 s), so the
     * transactions the loser met can finish first.
     */
    private static void backOff(Random random, int attempt) throws InterruptedException {
        Thread.sleep(1 + random.nextInt(50 << Math.min(attempt - 1, 5)));
    }

    /** Whether a failure is a deadlock, serialization failure or lock timeout reported by the database. */
    private static boolean isDatabaseConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && (List.of("40001", "40P01", "55P03", "HYT00").contains(sql.getSQLState())
                            || List.of(1205, 1213).contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    private Transaction transaction() {
        return new Transaction(database.factory(), ActrackSettings.defaults(), clock, Handlers.lookup());
    }
}
