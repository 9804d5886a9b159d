/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * Then, by position only: a follower's unread count once the object has {@value #HISTORY} older actions, all before
 * the follower's read position (their rows written with JDBC: they write no unread marks).
 */
final class BroadcastBenchmark {

    private static final int ACTIONS = 50;
    private static final int SAMPLES = 30;
    private static final int FANOUT = 500;
    /** The older actions of the object in the long-history measurement. */
    private static final int HISTORY = 100_000;

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
        report.append(longHistory(log, project, users.get(0)));
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

    /**
     * By position: the follower's unread count when the object has {@value #HISTORY} actions since the follower's
     * tracker, all before the follower's read position, and {@value #ACTIONS} broadcast actions after it.
     */
    private String longHistory(ActionLog log, Project project, User reader) throws SQLException {
        empty("actrack_read_mark", "actrack_broadcast", "actrack_unread", "actrack_action_ref", "actrack_action");
        try (Connection connection = unit.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            LocalDateTime from;
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT MIN(created_at) FROM actrack_tracker")) {
                result.next();
                from = result.getObject(1, LocalDateTime.class);
            }
            statement(connection, "UPDATE actrack_tracker_owner SET read_at = NULL, seen_at = NULL");
            String key = "Project#" + project.getId();
            long spacing = Math.max(
                    1, Duration.between(from, LocalDateTime.now(ZoneOffset.UTC)).toNanos() / HISTORY / 2);
            try (PreparedStatement actions = connection.prepareStatement("INSERT INTO actrack_action (id, verb,"
                            + " action_level, data, action_time) VALUES (?, '" + MARKED + "', 30, '{}', ?)");
                    PreparedStatement refs = connection.prepareStatement("INSERT INTO actrack_action_ref (id,"
                            + " action_id, role, position, ref_type, ref_id, ref_key, verb, action_level, action_time,"
                            + " first_target_key) VALUES (?, ?, 'TARGET', 0, 'Project', ?, ?, '" + MARKED
                            + "', 30, ?, ?)")) {
                for (int i = 0; i < HISTORY; i++) {
                    long id = 2_000_000_000L + i;
                    LocalDateTime time = from.plusNanos(spacing * (i + 1)).truncatedTo(ChronoUnit.MICROS);
                    actions.setLong(1, id);
                    actions.setObject(2, time);
                    actions.addBatch();
                    refs.setLong(1, id);
                    refs.setLong(2, id);
                    refs.setString(3, String.valueOf(project.getId()));
                    refs.setString(4, key);
                    refs.setObject(5, time);
                    refs.setString(6, key);
                    refs.addBatch();
                    if (i % 1_000 == 999) {
                        actions.executeBatch();
                        refs.executeBatch();
                    }
                }
                actions.executeBatch();
                refs.executeBatch();
            }
            connection.commit();
        }
        try (Connection connection = unit.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    switch (unit.database()) {
                        case "mariadb" -> "ANALYZE TABLE actrack_action, actrack_action_ref";
                        default -> "ANALYZE";
                    });
        }
        log.unread(reader).markAllRead();
        for (int i = 0; i < ACTIONS; i++) {
            log.log(null, BROADCAST, targets(project));
        }
        Timings count = time(() -> log.unread(reader).count(), ACTIONS);
        return String.format(
                Locale.ROOT,
                "%nBy position, on an object with %,d older actions, all before the follower's read position: a"
                        + " follower's unread count %.2f ms (median), %.2f ms (p95).%n",
                HISTORY,
                count.medianMillis(),
                count.p95Millis());
    }

    private static void statement(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
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
