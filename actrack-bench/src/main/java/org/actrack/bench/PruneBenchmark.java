/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.engine.Actrack;
import org.actrack.engine.testing.ActrackMigrations;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.ScratchSchema;
import org.actrack.engine.testing.TestDatabase;

/**
 * Workload W8, PostgreSQL only: pruning a day of history from tables partitioned by time (docs/schema.md, "Time
 * partitions"), in a schema of its own ({@code actrack_prune}) with a partition a day for {@value #DAYS} days. Each day
 * holds {@code actrack.bench.actions-per-day} actions (default 100,000: 3,000,000 in all), each with an actor and a
 * target reference, and one unread mark every ten actions. Measured: {@code prune} of the oldest day when the tables
 * hold a third of the days, then the next day when they hold them all (a partition dropped: the time should not
 * grow with the table), and for comparison a day deleted row by row (a cut one microsecond before the end of a day
 * keeps that day's partition, so its rows go 500 actions a statement, as on an unpartitioned schema).
 */
final class PruneBenchmark {

    private static final int DAYS = 30;
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final List<String> TABLES = List.of("actrack_action", "actrack_action_ref", "actrack_unread");

    private final TestDatabase.Target target;
    private final int perDay;

    PruneBenchmark(TestDatabase.Target target, int perDay) {
        this.target = target;
        this.perDay = perDay;
    }

    String run() throws Exception {
        if (!target.kind().equals("postgresql")) {
            return "\n## W8: PostgreSQL only (time partitions); skipped on " + target.kind() + "\n";
        }
        TestDatabase.Target schema = ScratchSchema.create(target, "actrack_prune");
        CountingDataSource dataSource = new CountingDataSource(schema.url(), schema.user(), schema.password(), false);
        try {
            ActrackMigrations.partitioned(dataSource).clean().migrate();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    for (int day = 0; day < DAYS; day++) {
                        LocalDate from = FIRST.plusDays(day);
                        statement.execute("CREATE TABLE " + table + "_p" + day + " PARTITION OF " + table
                                + " FOR VALUES FROM ('" + from + "') TO ('" + from.plusDays(1) + "')");
                    }
                    statement.execute("CREATE TABLE " + table + "_default PARTITION OF " + table + " DEFAULT");
                }
            }
            EntityManagerFactory factory = schema.actrackEntities(dataSource);
            try {
                ActionLog log = Actrack.builder()
                        .entityManagerFactory(factory)
                        .settings(ActrackSettings.defaults())
                        .build();
                return measure(dataSource, log);
            } finally {
                factory.close();
            }
        } finally {
            dataSource.closeAll();
        }
    }

    private String measure(CountingDataSource dataSource, ActionLog log) throws SQLException {
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "%n## W8 on postgresql: prune one day of %d, %,d actions a day, tables partitioned by day%n%n",
                DAYS,
                perDay));
        report.append("| prune | actions in the tables before | actions pruned | time (ms) |\n|---|---:|---:|---:|\n");
        long generation = System.nanoTime();
        generate(dataSource, 0, DAYS / 3);
        report.append(prune(dataSource, log, "the oldest day, a partition dropped", day(1)));
        generate(dataSource, DAYS / 3, DAYS);
        double seconds = (System.nanoTime() - generation) / 1e9;
        report.append(prune(dataSource, log, "the next day, a partition dropped", day(2)));
        report.append(
                prune(dataSource, log, "the next day, row by row (cut 1 µs before its end)", day(3).minusNanos(1000)));
        report.append(String.format(Locale.ROOT, "%nData generated in SQL in %.0f s (not measured).%n", seconds));
        return report.toString();
    }

    private static Instant day(int index) {
        return FIRST.plusDays(index).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private String prune(CountingDataSource dataSource, ActionLog log, String what, Instant olderThan)
            throws SQLException {
        long before = count(dataSource);
        long start = System.nanoTime();
        long pruned = log.history().prune(olderThan);
        double millis = (System.nanoTime() - start) / 1e6;
        if (count(dataSource) != before - pruned) {
            throw new IllegalStateException(
                    "prune said " + pruned + " but the table lost " + (before - count(dataSource)));
        }
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %.0f |%n", what, before, pruned, millis);
    }

    private static long count(CountingDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM actrack_action")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Days {@code [from, to)}: their actions, references and unread marks, in SQL, then fresh statistics. */
    private void generate(CountingDataSource dataSource, int from, int to) throws SQLException {
        long first = (long) from * perDay + 1;
        long last = (long) to * perDay;
        double spacingMs = Duration.ofDays(1).toMillis() / (double) perDay;
        String time = "(TIMESTAMP '" + FIRST + " 00:00:00' + ((g - 1) * " + spacingMs + ") * INTERVAL '1 millisecond')";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO actrack_action (id, actor_type, actor_id, verb, action_level, data,"
                    + " action_time) SELECT g, 'User', (1 + g % 1000)::text, 'edited', 30, '{}', " + time
                    + " FROM generate_series(" + first + ", " + last + ") AS s(g)");
            statement.execute(
                    "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id, ref_key,"
                            + " verb, action_level, action_time, first_target_key) SELECT 2 * a.id - 1, a.id, 'ACTOR', 0,"
                            + " 'User', a.actor_id, 'User#' || a.actor_id, a.verb, a.action_level, a.action_time,"
                            + " 'Project#' || (1 + a.id % 500) FROM actrack_action a"
                            + " WHERE a.id BETWEEN " + first + " AND " + last);
            statement.execute(
                    "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id, ref_key,"
                            + " verb, action_level, action_time, first_target_key) SELECT 2 * a.id, a.id, 'TARGET', 0,"
                            + " 'Project', (1 + a.id % 500)::text, 'Project#' || (1 + a.id % 500), a.verb, a.action_level,"
                            + " a.action_time, 'Project#' || (1 + a.id % 500)"
                            + " FROM actrack_action a WHERE a.id BETWEEN " + first + " AND " + last);
            statement.execute("INSERT INTO actrack_unread (owner_key, action_id, action_time) SELECT 'User#'"
                    + " || (1 + a.id % 100), a.id, a.action_time FROM actrack_action a WHERE a.id BETWEEN " + first
                    + " AND " + last + " AND a.id % 10 = 0");
            statement.execute("ANALYZE actrack_action, actrack_action_ref, actrack_unread");
        }
    }
}
