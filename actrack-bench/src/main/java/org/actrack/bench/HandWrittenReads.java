/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The best SQL a careful engineer would write by hand for each read of W2–W5, on actrack's tables and indexes,
 * in plain JDBC: the baselines actrack is measured against.
 *
 * <ul>
 * <li><b>Id selection.</b> An object's stream: one {@code ORDER BY action_time DESC, action_id DESC LIMIT} on its
 * range of {@code actrack_ref_key_time_ix}, the keyset position a row comparison on PostgreSQL (an index bound)
 * and its expanded form elsewhere. A feed: the user's trackers (one query), then the same windowed keyset
 * algorithm actrack uses (the last hour below the position, then a day, 32 days, everything, until the page
 * is full), the keys bound as one array ({@code ref_key = ANY(?)}) on PostgreSQL and H2 and as an {@code IN}
 * list on MariaDB. For reference, the plain form without windows and, on PostgreSQL, a LATERAL top-N per key.</li>
 * <li><b>Page loading</b>, the same for every variant: the actions by id with their targets and related objects in
 * one query (as actrack does), and one query per entity type for the objects they refer to (users, projects,
 * tasks), read into plain values.</li>
 * <li><b>Counts</b>: {@code count(DISTINCT action_id)} over the feed's keys; capped, {@code count(*)} of the first
 * {@code n} distinct ids; unread count and mark all read one statement each on {@code actrack_unread_owner_ix}.</li>
 * </ul>
 */
final class HandWrittenReads {

    /** The position of the last row of a page: its time (UTC) and id. */
    record Position(LocalDateTime time, long id) {}

    /** A loaded action, as plain values. */
    record LoadedAction(
            long id,
            String actorType,
            String actorId,
            String verb,
            int level,
            String data,
            LocalDateTime time,
            List<String> references,
            List<Object> objects) {}

    /** A page of loaded actions and the position after which the next page starts ({@code null} when none). */
    record Page(List<LoadedAction> actions, Position next) {
        List<Long> ids() {
            return actions.stream().map(LoadedAction::id).toList();
        }
    }

    /** How a feed's ids are selected: the windowed algorithm, or the reference forms. */
    enum FeedForm {
        WINDOWED,
        PLAIN,
        LATERAL
    }

    private static final long[] WINDOW_SECONDS = {3600, 86_400, 32 * 86_400};
    private static final String ORDER = " ORDER BY action_time DESC, action_id DESC";

    private final DataSource dataSource;
    private final String database;
    private final int readableLevel;

    HandWrittenReads(DataSource dataSource, String database, int readableLevel) {
        this.dataSource = dataSource;
        this.database = database;
        this.readableLevel = readableLevel;
    }

    /** A page of the actions where {@code key} plays {@code role}. */
    Page objectStream(String key, String role, Position after, int size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String sql = "SELECT action_id, action_time FROM actrack_action_ref WHERE ref_key = ? AND role = ?"
                    + (after == null ? "" : " AND " + before()) + ORDER + " LIMIT " + (size + 1);
            List<Position> rows;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key);
                statement.setString(2, role);
                bindBefore(statement, 3, after);
                rows = positions(statement);
            }
            return page(connection, rows, size);
        }
    }

    /** A page of the feed of {@code ownerKey}: its trackers, then the ids, then the page. */
    Page feed(String ownerKey, FeedForm form, Position after, int size) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<Boolean, List<String>> keysByActorOnly = trackedKeys(connection, ownerKey);
            List<Position> rows = switch (form) {
                case WINDOWED -> windowed(connection, keysByActorOnly, after, size + 1);
                case PLAIN -> feedIds(connection, keysByActorOnly, after, null, size + 1);
                case LATERAL -> lateral(connection, keysByActorOnly, after, size + 1);
            };
            return page(connection, rows, size);
        }
    }

    /** How many actions the feed of {@code ownerKey} has, or at most {@code cap} when it is positive. */
    long feedCount(String ownerKey, long cap) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<Boolean, List<String>> keysByActorOnly = trackedKeys(connection, ownerKey);
            Condition condition = feedCondition(keysByActorOnly);
            String sql = cap > 0
                    ? "SELECT count(*) FROM (SELECT DISTINCT action_id FROM actrack_action_ref WHERE " + condition.sql
                            + " AND action_level >= ? LIMIT " + cap + ") capped"
                    : "SELECT count(DISTINCT action_id) FROM actrack_action_ref WHERE " + condition.sql
                            + " AND action_level >= ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int next = condition.bind(connection, statement, 1);
                statement.setInt(next, readableLevel);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        }
    }

    long unreadCount(String ownerKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT count(*) FROM actrack_unread WHERE owner_key = ?")) {
            statement.setString(1, ownerKey);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * The unread actions newer than the user's seen position: a range of the owner's index, which holds each mark's
     * time, from the position a sub-select reads (the user has one here).
     */
    long unseenCount(String ownerKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM actrack_unread"
                        + " WHERE owner_key = ? AND action_time > (SELECT seen_at FROM actrack_tracker_owner"
                        + " WHERE owner_key = ?)")) {
            statement.setString(1, ownerKey);
            statement.setString(2, ownerKey);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    int markAllRead(String ownerKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM actrack_unread WHERE owner_key = ?")) {
            connection.setAutoCommit(false);
            statement.setString(1, ownerKey);
            int deleted = statement.executeUpdate();
            connection.commit();
            connection.setAutoCommit(true);
            return deleted;
        }
    }

    private List<Position> windowed(Connection connection, Map<Boolean, List<String>> keys, Position after, int limit)
            throws SQLException {
        LocalDateTime anchor = after != null ? after.time() : LocalDateTime.now(java.time.ZoneOffset.UTC);
        for (long window : WINDOW_SECONDS) {
            List<Position> rows = feedIds(connection, keys, after, anchor.minusSeconds(window), limit);
            if (rows.size() >= limit) {
                return rows;
            }
        }
        return feedIds(connection, keys, after, null, limit);
    }

    private List<Position> feedIds(
            Connection connection,
            Map<Boolean, List<String>> keys,
            Position after,
            LocalDateTime windowStart,
            int limit)
            throws SQLException {
        Condition condition = feedCondition(keys);
        String sql = "SELECT DISTINCT action_id, action_time FROM actrack_action_ref WHERE " + condition.sql
                + " AND action_level >= ?" + (windowStart == null ? "" : " AND action_time >= ?")
                + (after == null ? "" : " AND " + before()) + ORDER + " LIMIT " + limit;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = condition.bind(connection, statement, 1);
            statement.setInt(next++, readableLevel);
            if (windowStart != null) {
                statement.setObject(next++, windowStart);
            }
            bindBefore(statement, next, after);
            return positions(statement);
        }
    }

    /** PostgreSQL only: the newest {@code limit} rows of each key, merged. */
    private List<Position> lateral(Connection connection, Map<Boolean, List<String>> keys, Position after, int limit)
            throws SQLException {
        List<String> parts = new ArrayList<>();
        List<String[]> arrays = new ArrayList<>();
        keys.forEach((actorOnly, list) -> {
            parts.add(
                    "SELECT r.action_id, r.action_time FROM unnest(?::varchar[]) k(key) CROSS JOIN LATERAL (SELECT action_id,"
                            + " action_time FROM actrack_action_ref WHERE ref_key = k.key"
                            + (actorOnly ? " AND role = 'ACTOR'" : "")
                            + " AND action_level >= " + readableLevel + (after == null ? "" : " AND " + before())
                            + ORDER + " LIMIT "
                            + limit + ") r");
            arrays.add(list.toArray(String[]::new));
        });
        String sql = "SELECT DISTINCT action_id, action_time FROM (" + String.join(" UNION ALL ", parts) + ") u" + ORDER
                + " LIMIT " + limit;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = 1;
            for (String[] array : arrays) {
                statement.setArray(next++, connection.createArrayOf("varchar", array));
                next = bindBefore(statement, next, after);
            }
            return positions(statement);
        }
    }

    private Map<Boolean, List<String>> trackedKeys(Connection connection, String ownerKey) throws SQLException {
        Map<Boolean, List<String>> keys = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tracked_key, actor_only FROM actrack_tracker WHERE owner_key = ?")) {
            statement.setString(1, ownerKey);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    keys.computeIfAbsent(result.getBoolean(2), actorOnly -> new ArrayList<>())
                            .add(result.getString(1));
                }
            }
        }
        return keys;
    }

    /** The keys of each kind of tracker, as one array parameter where the database has arrays. */
    private Condition feedCondition(Map<Boolean, List<String>> keysByActorOnly) {
        List<String> parts = new ArrayList<>();
        List<List<String>> lists = new ArrayList<>();
        keysByActorOnly.forEach((actorOnly, keys) -> {
            parts.add("(" + keysIn(keys.size()) + (actorOnly ? " AND role = 'ACTOR'" : "") + ")");
            lists.add(keys);
        });
        return new Condition("(" + String.join(" OR ", parts) + ")", lists, usesArrays());
    }

    private String keysIn(int count) {
        return usesArrays() ? "ref_key = ANY(?)" : "ref_key IN (" + "?, ".repeat(count - 1) + "?)";
    }

    private boolean usesArrays() {
        return !database.equals("mariadb");
    }

    private String before() {
        return database.equals("postgresql")
                ? "(action_time, action_id) < (?, ?)"
                : "action_time <= ? AND (action_time < ? OR (action_time = ? AND action_id < ?))";
    }

    private int bindBefore(PreparedStatement statement, int index, Position after) throws SQLException {
        if (after == null) {
            return index;
        }
        if (database.equals("postgresql")) {
            statement.setObject(index, after.time());
            statement.setLong(index + 1, after.id());
            return index + 2;
        }
        statement.setObject(index, after.time());
        statement.setObject(index + 1, after.time());
        statement.setObject(index + 2, after.time());
        statement.setLong(index + 3, after.id());
        return index + 4;
    }

    private static List<Position> positions(PreparedStatement statement) throws SQLException {
        List<Position> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new Position(result.getObject(2, LocalDateTime.class), result.getLong(1)));
            }
        }
        return rows;
    }

    private Page page(Connection connection, List<Position> rows, int size) throws SQLException {
        List<Long> ids = rows.stream().limit(size).map(Position::id).toList();
        Position next = rows.size() > size ? rows.get(size - 1) : null;
        return new Page(load(connection, ids), next);
    }

    /** The actions with these ids, in this order: one query for the actions with their references, one per entity type. */
    private List<LoadedAction> load(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> actions = new HashMap<>();
        Map<String, Set<String>> idsByType = new LinkedHashMap<>();
        Map<Long, List<String>> references = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.id, a.actor_type, a.actor_id, a.verb,"
                + " a.action_level, a.data, a.action_time, r.ref_type, r.ref_id FROM actrack_action a LEFT JOIN actrack_action_ref r"
                + " ON r.action_id = a.id AND r.role <> 'ACTOR' WHERE " + idsIn("a.id", ids.size())
                + " ORDER BY a.id, r.position")) {
            bindIds(connection, statement, ids);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long id = result.getLong(1);
                    if (!actions.containsKey(id)) {
                        actions.put(id, new Object[] {
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getInt(5),
                            result.getString(6),
                            result.getObject(7, LocalDateTime.class)
                        });
                        idsByType
                                .computeIfAbsent(result.getString(2), type -> new LinkedHashSet<>())
                                .add(result.getString(3));
                    }
                    String refType = result.getString(8);
                    if (refType != null) {
                        references
                                .computeIfAbsent(id, key -> new ArrayList<>())
                                .add(refType + "#" + result.getString(9));
                        idsByType
                                .computeIfAbsent(refType, type -> new LinkedHashSet<>())
                                .add(result.getString(9));
                    }
                }
            }
        }
        Map<String, Object> objects = new HashMap<>();
        for (Map.Entry<String, Set<String>> type : idsByType.entrySet()) {
            loadObjects(connection, type.getKey(), type.getValue(), objects);
        }
        List<LoadedAction> page = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Object[] row = actions.get(id);
            if (row != null) {
                List<String> refs = references.getOrDefault(id, List.of());
                List<Object> resolved = new ArrayList<>();
                resolved.add(objects.get(row[0] + "#" + row[1]));
                refs.forEach(ref -> resolved.add(objects.get(ref)));
                page.add(new LoadedAction(
                        id,
                        (String) row[0],
                        (String) row[1],
                        (String) row[2],
                        (Integer) row[3],
                        (String) row[4],
                        (LocalDateTime) row[5],
                        refs,
                        resolved));
            }
        }
        return page;
    }

    /** The fixture entities of one type, as their id and name. */
    private void loadObjects(Connection connection, String type, Collection<String> ids, Map<String, Object> into)
            throws SQLException {
        String table = switch (type) {
            case "User" -> "fixture_user";
            case "Project" -> "fixture_project";
            case "Task" -> "fixture_task";
            default -> throw new IllegalStateException("No table for " + type);
        };
        List<Long> numbers = ids.stream().map(Long::valueOf).toList();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, name FROM " + table + " WHERE " + idsIn("id", numbers.size()))) {
            bindIds(connection, statement, numbers);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    into.put(type + "#" + result.getLong(1), new Object[] {result.getLong(1), result.getString(2)});
                }
            }
        }
    }

    private String idsIn(String column, int count) {
        return usesArrays() ? column + " = ANY(?)" : column + " IN (" + "?, ".repeat(count - 1) + "?)";
    }

    private void bindIds(Connection connection, PreparedStatement statement, List<Long> ids) throws SQLException {
        if (usesArrays()) {
            statement.setArray(
                    1, connection.createArrayOf(database.equals("postgresql") ? "bigint" : "BIGINT", ids.toArray()));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                statement.setLong(i + 1, ids.get(i));
            }
        }
    }

    /** A condition on keys, bound as arrays or as expanded lists. */
    private record Condition(String sql, List<List<String>> keyLists, boolean arrays) {
        int bind(Connection connection, PreparedStatement statement, int index) throws SQLException {
            for (List<String> keys : keyLists) {
                if (arrays) {
                    statement.setArray(index++, connection.createArrayOf("varchar", keys.toArray()));
                } else {
                    for (String key : keys) {
                        statement.setString(index++, key);
                    }
                }
            }
            return index;
        }
    }
}
