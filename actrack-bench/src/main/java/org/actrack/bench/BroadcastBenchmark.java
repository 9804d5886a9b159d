/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.ObjectRef;
import org.actrack.engine.Actrack;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Fanout;
import org.actrack.spi.Integration;

/**
 * Workload W7: what an action of an object with many followers costs, written with one unread mark per follower (the
 * default) and {@linkplain ActionHandler#unreadByPosition() unread by position} (issue 23, item 5). One project
 * followed by {@code actrack.bench.followers} users (default 10,000); {@value #ACTIONS} actions of each kind, each in a
 * transaction of its own. Reported: the rows each action writes, the time to log one, and what a follower's reads
 * cost afterwards (their unread count, a page of their unread feed, the live feed's counts of {@value #FANOUT} users
 * at once, and marking all read). Both kinds run on the same followers, one after the other, on emptied tables.
 */
final class BroadcastBenchmark {

    private static final int ACTIONS = 50;
    private static final int SAMPLES = 30;
    private static final int FANOUT = 500;
    private static final String BROADCAST = "announced";
    private static final String MARKED = "posted";

    private final BenchUnit unit;
    private final int followers;

    BroadcastBenchmark(BenchUnit unit, int followers) {
        this.unit = unit;
        this.followers = followers;
    }

    String run() throws Exception {
        ActionHandler byPosition = new ActionHandler() {
            @Override
            public boolean unreadByPosition() {
                return true;
            }
        };
        ActionHandler plain = new ActionHandler() {};
        ActionLog log = Actrack.builder()
                .entityManagerFactory(unit.factory())
                .settings(ActrackSettings.defaults())
                .handlers(verb -> verb.equals(BROADCAST) ? byPosition : plain)
                .handlerVerbs(List.of(BROADCAST))
                .build();
        empty("actrack_tracker_verb", "actrack_tracker", "actrack_tracker_owner");
        Project project = unit.persistAll(1, i -> new Project("popular")).get(0);
        List<User> users = unit.persistAll(followers, i -> new User("follower " + i));
        for (int from = 0; from < users.size(); from += 1_000) {
            log.trackAll(users.subList(from, Math.min(users.size(), from + 1_000)), project, actorOnly(false));
        }

        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "%n## W7 on %s with %s: one object with %,d followers, %d actions of each kind%n%n",
                unit.database(),
                unit.provider(),
                followers,
                ACTIONS));
        report.append("| unread state | unread marks per action | other rows per action | log one action (median, p95)"
                + " | a follower's unread count | a page of 20 unread | live-feed counts of " + FANOUT + " users"
                + " | mark all read |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        report.append(measure(log, MARKED, "one mark per follower (default)", project, users));
        report.append(measure(log, BROADCAST, "by position", project, users));
        report.append("\nTimes in milliseconds (medians of ")
                .append(SAMPLES)
                .append(
                        " calls unless said). Marking all read is each call of a different follower who had every action"
                                + " unread.\n");
        return report.toString();
    }

    private String measure(ActionLog log, String verb, String label, Project project, List<User> users)
            throws SQLException {
        empty("actrack_read_mark", "actrack_broadcast", "actrack_unread", "actrack_action_ref", "actrack_action");
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE actrack_tracker_owner SET read_at = NULL, seen_at = NULL");
        }
        List<Long> logs = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            long start = System.nanoTime();
            log.log(null, verb, targets(project));
            logs.add(System.nanoTime() - start);
        }
        long marks = rows("actrack_unread");
        long others = rows("actrack_broadcast");
        Timings logging = Timings.of(logs);

        User reader = users.get(0);
        Timings count = time(() -> log.unread(reader).count(), ACTIONS);
        Timings page = time(
                () -> log.actions(reader)
                        .feed()
                        .unreadFor(reader)
                        .page(20)
                        .actions()
                        .size(),
                20);
        Fanout fanout = log.unwrap(Integration.class).fanout();
        List<ObjectRef> refs = new ArrayList<>();
        for (User user : users.subList(0, Math.min(FANOUT, users.size()))) {
            refs.add(fanout.ref(user));
        }
        Timings counts = time(
                () -> fanout.unreadCounts(refs).values().stream()
                        .mapToLong(Long::longValue)
                        .sum(),
                (long) ACTIONS * refs.size());
        List<Long> marking = new ArrayList<>();
        for (int i = 1; i <= SAMPLES; i++) {
            User follower = users.get(i);
            long start = System.nanoTime();
            int read = log.unread(follower).markAllRead();
            marking.add(System.nanoTime() - start);
            check(read, ACTIONS, "mark all read");
        }
        return String.format(
                Locale.ROOT,
                "| %s | %,.0f | %,.0f | %.2f, %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                label,
                (double) marks / ACTIONS,
                (double) others / ACTIONS,
                logging.medianMillis(),
                logging.p95Millis(),
                count.medianMillis(),
                page.medianMillis(),
                counts.medianMillis(),
                Timings.of(marking).medianMillis());
    }

    /** Times {@value #SAMPLES} calls after as many unmeasured ones, checking each answer. */
    private static Timings time(Supplier<Number> call, long expected) {
        for (int i = 0; i < SAMPLES; i++) {
            check(call.get().longValue(), expected, "warm-up");
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            long answer = call.get().longValue();
            samples.add(System.nanoTime() - start);
            check(answer, expected, "a measured call");
        }
        return Timings.of(samples);
    }

    private static void check(long answer, long expected, String what) {
        if (answer != expected) {
            throw new IllegalStateException(what + " answered " + answer + ", expected " + expected);
        }
    }

    private long rows(String table) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void empty(String... tables) throws SQLException {
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }
}
