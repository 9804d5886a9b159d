/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;

/**
 * The data of the read workloads (W2–W5), generated in SQL so that a million actions take seconds, into the
 * tables actrack's provider created. The shapes, for {@code n} actions spread evenly over the last year:
 * <ul>
 * <li>{@value #ACTORS} users act in turn ({@code User#1} … : {@code n / 1000} actions each); each action has one
 * target project, {@code n / 100} projects in turn (at least 1,000), so a project has 100 actions at a million;
 * every {@code n / 200}th action also targets {@code Task#1}, the sparse object (200 actions over the year).</li>
 * <li>{@code User#100001} tracks users 1–100 as actor only (100 trackers, a tenth of the actions);
 * {@code User#100002} tracks projects 1–1000 in any role (1,000 trackers).</li>
 * <li>{@code User#100003} has {@link #unreadOfReader} unread actions (10,000 at a million) among 20 other users'
 * unread rows ({@link #unreadOfOthers}, 200,000 at a million).</li>
 * </ul>
 * Verbs are {@code edited}, {@code created}, {@code commented} in turn; every level is 30 (INFO); data {@code {}}.
 */
final class ReadData {

    static final int ACTORS = 1000;
    static final long ACTOR_ONLY_READER = 100_001;
    static final long ANY_ROLE_READER = 100_002;
    static final long UNREAD_READER = 100_003;
    static final int ACTOR_ONLY_TRACKERS = 100;
    static final int ANY_ROLE_TRACKERS = 1000;
    static final int SPARSE_ACTIONS = 200;
    private static final int OTHER_UNREAD_OWNERS = 20;
    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String database;
    private final int actions;
    private final long secondsBetweenActions;
    private final Instant first;

    ReadData(String database, int actions, Instant now) {
        this.database = database;
        this.actions = actions;
        this.secondsBetweenActions = Math.max(1, Duration.ofDays(365).toSeconds() / actions);
        this.first = now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(60 + secondsBetweenActions * actions);
    }

    int actions() {
        return actions;
    }

    int projects() {
        return Math.max(ANY_ROLE_TRACKERS, actions / 100);
    }

    int unreadOfReader() {
        return Math.min(10_000, Math.max(1, actions / 10));
    }

    int unreadOfOthers() {
        return Math.min(actions, OTHER_UNREAD_OWNERS * unreadOfReader());
    }

    /** Writes everything, then has the database gather statistics. */
    void generate(DataSource dataSource) throws SQLException {
        String start = "TIMESTAMP '" + LITERAL.format(LocalDateTime.ofInstant(first, ZoneOffset.UTC)) + "'";
        int sparseEvery = Math.max(1, actions / SPARSE_ACTIONS);
        List<String> statements = List.of(
                "INSERT INTO fixture_user (id, name) SELECT g, CONCAT('user ', g) FROM " + series(ACTORS),
                "INSERT INTO fixture_user (id, name) VALUES (" + ACTOR_ONLY_READER + ", 'reader of actors'), ("
                        + ANY_ROLE_READER + ", 'reader of projects'), (" + UNREAD_READER + ", 'reader with unread')",
                "INSERT INTO fixture_project (id, name) SELECT g, CONCAT('project ', g) FROM " + series(projects()),
                "INSERT INTO fixture_task (id, name, project_id) VALUES (1, 'sparse task', 1)",
                "INSERT INTO actrack_action (id, actor_type, actor_id, verb, action_level, data, action_time)"
                        + " SELECT g, 'User', " + text("MOD(g, " + ACTORS + ") + 1")
                        + ", CASE MOD(g, 3) WHEN 0 THEN 'edited'"
                        + " WHEN 1 THEN 'created' ELSE 'commented' END, 30, '{}', "
                        + plusSeconds(start, "g * " + secondsBetweenActions)
                        + " FROM " + series(actions),
                refs("3 * a.id - 2", "'ACTOR'", "0", "'User'", "a.actor_id", ""),
                refs("3 * a.id - 1", "'TARGET'", "0", "'Project'", text("MOD(a.id, " + projects() + ") + 1"), ""),
                refs("3 * a.id", "'TARGET'", "1", "'Task'", "'1'", " WHERE MOD(a.id, " + sparseEvery + ") = 0"),
                trackers(ACTOR_ONLY_READER, 0, ACTOR_ONLY_TRACKERS, "User", true, start),
                trackers(ANY_ROLE_READER, ACTOR_ONLY_TRACKERS, ANY_ROLE_TRACKERS, "Project", false, start),
                restoreUnreadOfReader(),
                "INSERT INTO actrack_unread (owner_key, action_id, action_time) SELECT CONCAT('User#', 200001 + MOD(a.id, "
                        + OTHER_UNREAD_OWNERS + ")), a.id, a.action_time FROM actrack_action a WHERE a.id <= "
                        + unreadOfOthers());
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute(
                    switch (database) {
                        case "postgresql" -> "ANALYZE";
                        case "mariadb" ->
                            "ANALYZE TABLE actrack_action, actrack_action_ref, actrack_unread, actrack_tracker,"
                                    + " actrack_tracker_verb, fixture_user, fixture_project, fixture_task";
                        default -> "ANALYZE";
                    });
        }
    }

    /** Puts back the unread rows of {@link #UNREAD_READER} after a mark-all-read (not measured). */
    String restoreUnreadOfReader() {
        // Every (actions / unreadOfReader())-th action, with its time, as each mark carries it.
        return "INSERT INTO actrack_unread (owner_key, action_id, action_time) SELECT 'User#" + UNREAD_READER
                + "', a.id, a.action_time FROM actrack_action a WHERE MOD(a.id, " + (actions / unreadOfReader())
                + ") = 0 AND a.id <= " + (long) (actions / unreadOfReader()) * unreadOfReader();
    }

    /** Reference rows; every action's first target is its project, which each row carries as actrack writes it. */
    private String refs(String id, String role, String position, String type, String objectId, String where) {
        return "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id, ref_key, verb, action_level,"
                + " action_time, first_target_key) SELECT " + id + ", a.id, " + role + ", " + position + ", " + type
                + ", " + objectId + ", CONCAT(" + type + ", '#', " + objectId
                + "), a.verb, a.action_level, a.action_time, CONCAT('Project#', "
                + text("MOD(a.id, " + projects() + ") + 1") + ") FROM actrack_action a" + where;
    }

    private String trackers(long owner, int firstId, int count, String type, boolean actorOnly, String createdAt) {
        return "INSERT INTO actrack_tracker (id, owner_type, owner_id, owner_key, tracked_type, tracked_id, tracked_key,"
                + " actor_only, created_at, flag) SELECT " + firstId + " + g, 'User', '" + owner + "', 'User#" + owner
                + "', '" + type
                + "', " + text("g") + ", CONCAT('" + type + "#', g), " + actorOnly + ", " + createdAt + ", '' FROM "
                + series(count);
    }

    /** A derived table of the numbers 1 to {@code n} in a column {@code g}. */
    private String series(int n) {
        return switch (database) {
            case "postgresql" -> "generate_series(1, " + n + ") AS s(g)";
            case "mariadb" -> "(SELECT seq AS g FROM seq_1_to_" + n + ") s";
            default -> "(SELECT X AS g FROM SYSTEM_RANGE(1, " + n + ")) s";
        };
    }

    private String text(String number) {
        return "CAST(" + number + (database.equals("mariadb") ? " AS CHAR)" : " AS VARCHAR(20))");
    }

    private String plusSeconds(String timestamp, String seconds) {
        return switch (database) {
            case "postgresql" -> "(" + timestamp + " + (" + seconds + ") * INTERVAL '1 second')";
            case "mariadb" -> "TIMESTAMPADD(SECOND, " + seconds + ", " + timestamp + ")";
            default -> "DATEADD(SECOND, " + seconds + ", " + timestamp + ")";
        };
    }
}
