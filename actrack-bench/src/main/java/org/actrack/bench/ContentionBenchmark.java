/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import static org.actrack.Options.data;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.targets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.Options;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;

/**
 * Workload W6: actrack's own statements against each other. {@value #THREADS} threads, each running
 * transactions on its own pooled connection at the database's default isolation for a fixed time, over few
 * users and projects so that they meet: logging (with a grouping delay of 60 s, or without grouping), tracking,
 * untracking, marking some actions read and marking all read. Counted: the operations committed per second and
 * the transactions the database refused for a conflict (deadlock, serialization failure, lock timeout), which
 * reach the caller as retryable {@link ActrackException}s and are run again after a random back-off.
 *
 * <p>Two shapes: transactions of one actrack call (what a request or a business method usually does; actrack
 * promises that its own statements never deadlock each other there) and transactions of two to four calls in
 * random order (the order of the calls is the application's: a transaction that holds what an earlier call locked
 * and waits in a later one can meet another that does the reverse).
 */
final class ContentionBenchmark {

    private static final int THREADS = 8;
    private static final int USERS = 6;
    private static final int PROJECTS = 4;

    /** The calls of the mix; logging three times as often as each of the others. */
    private static final List<String> CALLS =
            List.of("log", "log", "log", "track", "untrack", "markRead", "markAllRead");

    private final BenchUnit unit;
    private final long millis;

    ContentionBenchmark(BenchUnit unit, int seconds) {
        this.unit = unit;
        this.millis = seconds * 1000L;
    }

    String run() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "%n## W6 on %s with %s: %d threads for %d s per row, %d users, %d projects%n%n",
                unit.database(),
                unit.provider(),
                THREADS,
                millis / 1000,
                USERS,
                PROJECTS));
        report.append(
                "| calls per transaction | logging | transactions committed | operations/s | refused for a conflict |"
                        + " share of attempts | refusals by call |\n");
        report.append("|---|---|---:|---:|---:|---:|---|\n");
        List<User> users = unit.persistAll(USERS, i -> new User("contender " + i));
        List<Project> projects = unit.persistAll(PROJECTS, i -> new Project("contested " + i));
        for (boolean multi : List.of(false, true)) {
            for (long delay : List.of(60L, -1L)) {
                report.append(measure(users, projects, multi, delay));
            }
        }
        return report.toString();
    }

    private String measure(List<User> users, List<Project> projects, boolean multi, long delay) throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicLong operations = new AtomicLong();
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long end = System.currentTimeMillis() + millis;
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t * 31L + (multi ? 7 : 0) + delay);
            work.add(threads.submit(() -> {
                while (System.currentTimeMillis() < end) {
                    long seed = random.nextLong();
                    int calls = multi ? 2 + random.nextInt(3) : 1;
                    for (int attempt = 1; System.currentTimeMillis() < end; attempt++) {
                        String call = "";
                        try (Transaction transaction = new Transaction(
                                unit.factory(), ActrackSettings.defaults(), Clock.systemUTC(), Handlers.lookup())) {
                            Random choices = new Random(seed);
                            for (int i = 0; i < calls; i++) {
                                call = CALLS.get(choices.nextInt(CALLS.size()));
                                oneCall(transaction.log(), call, choices, users, projects, delay);
                            }
                            transaction.commit();
                            committed.incrementAndGet();
                            operations.addAndGet(calls);
                            break;
                        } catch (ActrackException e) {
                            if (!e.isRetryable()) {
                                throw e;
                            }
                            refused.merge(call, 1, Integer::sum);
                            if (Boolean.getBoolean("actrack.bench.contention-verbose")) {
                                System.getLogger(ContentionBenchmark.class.getName())
                                        .log(System.Logger.Level.WARNING, call + ": " + e.getMessage(), e);
                            }
                        } catch (jakarta.persistence.RollbackException e) {
                            refused.merge("commit", 1, Integer::sum);
                            if (Boolean.getBoolean("actrack.bench.contention-verbose")) {
                                System.getLogger(ContentionBenchmark.class.getName())
                                        .log(System.Logger.Level.WARNING, "commit: " + e.getMessage(), e);
                            }
                        }
                        Thread.sleep(1 + random.nextInt(20 << Math.min(attempt - 1, 5)));
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : work) {
                future.get(millis + 120_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            // A failed thread ends the measurement; the others must not keep the JVM alive.
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int failures = refused.values().stream().mapToInt(Integer::intValue).sum();
        long attempts = committed.get() + failures;
        return String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %.0f | %,d | %.1f%% | %s |%n",
                multi ? "2 to 4" : "1",
                delay < 0 ? "no grouping" : "grouping delay " + delay + " s",
                committed.get(),
                operations.get() / seconds,
                failures,
                attempts == 0 ? 0 : 100.0 * failures / attempts,
                refused.isEmpty() ? "none" : new TreeMap<>(refused));
    }

    /** One actrack call of the mix, by name. */
    private static void oneCall(
            ActionLog log, String call, Random random, List<User> users, List<Project> projects, long delay) {
        User user = users.get(random.nextInt(users.size()));
        Project project = projects.get(random.nextInt(projects.size()));
        switch (call) {
            case "log" ->
                log.log(user, "edited", targets(project), data("n", random.nextInt(1000)), groupingDelay(delay));
            case "track" -> log.track(user, project, Options.actorOnly(false));
            case "untrack" -> log.untrack(user, project);
            case "markRead" -> {
                List<Action> unread = log.actions(user).feed().unreadFor(user).list(5);
                log.unread(user).markRead(unread, true);
            }
            default -> log.unread(user).markAllRead();
        }
    }
}
