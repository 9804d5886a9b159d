/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.actrack.ObjectRef;

/**
 * The best hand-written JDBC for what actrack's {@code log} stores, on the same tables: ids allocated in
 * memory (a block per run), the action rows in one JDBC batch, their reference rows in another, and the
 * unread rows matched in SQL by one {@code INSERT … SELECT} per action, sent as one batch; one commit per
 * transaction. The matching SQL is actrack's (instance and whole-type trackers, actor-only, verbs, since),
 * without the share lock actrack takes for concurrent untracks.
 */
final class RawJdbcWriter {

    private static final String INSERT_ACTION =
            "INSERT INTO actrack_action (ID, actor_type, actor_id, verb, action_level, data,"
                    + " action_time) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_REFERENCE =
            "INSERT INTO actrack_action_ref (ID, action_id, role, position, ref_type, ref_id,"
                    + " ref_key, verb, action_level, action_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_UNREAD =
            "INSERT INTO actrack_unread (owner_key, action_id) SELECT DISTINCT t.owner_key, ?"
                    + " FROM actrack_tracker t WHERE t.tracked_key IN (?, ?, ?, ?, ?, ?) AND t.created_at <= ?"
                    + " AND (t.actor_only = ? OR t.tracked_key IN (?, ?))"
                    + " AND (NOT EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id)"
                    + " OR EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id AND v.verb = ?))";

    private final DataSource dataSource;
    private long nextActionId;
    private long nextReferenceId;

    RawJdbcWriter(DataSource dataSource, long firstId) {
        this.dataSource = dataSource;
        this.nextActionId = firstId;
        this.nextReferenceId = firstId;
    }

    /** Writes one transaction's actions, all at {@code timestamp}, with level {@code level}. */
    void write(List<LogSpec> actions, String verb, int level, Instant timestamp) throws SQLException {
        Timestamp time = Timestamp.valueOf(LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long[] ids = new long[actions.size()];
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ACTION)) {
                for (int i = 0; i < actions.size(); i++) {
                    LogSpec action = actions.get(i);
                    ids[i] = nextActionId++;
                    insert.setLong(1, ids[i]);
                    insert.setString(2, action.actorRef().type());
                    insert.setString(3, action.actorRef().id());
                    insert.setString(4, verb);
                    insert.setInt(5, level);
                    insert.setString(6, "{}");
                    insert.setTimestamp(7, time);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_REFERENCE)) {
                for (int i = 0; i < actions.size(); i++) {
                    LogSpec action = actions.get(i);
                    addReference(insert, ids[i], "ACTOR", 0, action.actorRef(), verb, level, time);
                    addReference(insert, ids[i], "TARGET", 0, action.targetRef(), verb, level, time);
                    if (action.relatedRef() != null) {
                        addReference(insert, ids[i], "RELATED", 0, action.relatedRef(), verb, level, time);
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT_UNREAD)) {
                for (int i = 0; i < actions.size(); i++) {
                    LogSpec action = actions.get(i);
                    ObjectRef related = action.relatedRef() == null ? action.targetRef() : action.relatedRef();
                    insert.setLong(1, ids[i]);
                    insert.setString(2, action.targetRef().key());
                    insert.setString(3, action.targetRef().type());
                    insert.setString(4, related.key());
                    insert.setString(5, related.type());
                    insert.setString(6, action.actorRef().key());
                    insert.setString(7, action.actorRef().type());
                    insert.setTimestamp(8, time);
                    insert.setBoolean(9, false);
                    insert.setString(10, action.actorRef().key());
                    insert.setString(11, action.actorRef().type());
                    insert.setString(12, verb);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private void addReference(
            PreparedStatement insert,
            long actionId,
            String role,
            int position,
            ObjectRef ref,
            String verb,
            int level,
            Timestamp time)
            throws SQLException {
        insert.setLong(1, nextReferenceId++);
        insert.setLong(2, actionId);
        insert.setString(3, role);
        insert.setInt(4, position);
        insert.setString(5, ref.type());
        insert.setString(6, ref.id());
        insert.setString(7, ref.key());
        insert.setString(8, verb);
        insert.setInt(9, level);
        insert.setTimestamp(10, time);
        insert.addBatch();
    }
}
