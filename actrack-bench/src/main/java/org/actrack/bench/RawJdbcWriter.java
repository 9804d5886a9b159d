/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.actrack.ObjectRef;
import org.actrack.engine.sql.SqlDialect;

/**
 * The best hand-written JDBC for what actrack's {@code log} stores, on the same tables: ids taken from actrack's
 * sequences a block at a time (as actrack and the JPA providers take them: a value is the top of a block of the
 * sequence's increment), so its rows and actrack's share one range of keys when W1 runs them in turn; the action
 * rows in one JDBC batch, their reference rows in another, and the unread rows matched in SQL by one
 * {@code INSERT … SELECT} per action, sent as one batch; one commit per transaction. The matching SQL is actrack's
 * (instance and whole-type trackers, actor-only, verbs, since), without the share lock actrack takes for concurrent
 * untracks.
 */
final class RawJdbcWriter {

    private static final String INSERT_ACTION =
            "INSERT INTO actrack_action (ID, actor_type, actor_id, verb, action_level, data,"
                    + " action_time) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_REFERENCE =
            "INSERT INTO actrack_action_ref (ID, action_id, role, position, ref_type, ref_id,"
                    + " ref_key, verb, action_level, action_time, first_target_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The unread marks' insert; {@code %s} is the action's time, cast as the database needs it in a select list. */
    private static final String INSERT_UNREAD =
            "INSERT INTO actrack_unread (owner_key, action_id, action_time) SELECT DISTINCT t.owner_key, ?, %s"
                    + " FROM actrack_tracker t WHERE t.tracked_key IN (?, ?, ?, ?, ?, ?) AND t.created_at <= ?"
                    + " AND (t.actor_only = ? OR t.tracked_key IN (?, ?))"
                    + " AND (NOT EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id)"
                    + " OR EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id AND v.verb = ?))";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final IdBlock actionIds = new IdBlock("actrack_action_seq", 100);
    private final IdBlock referenceIds = new IdBlock("actrack_action_ref_seq", 300);

    /** @param database {@code postgresql}, {@code mariadb} or {@code h2}: how a sequence is read */
    RawJdbcWriter(DataSource dataSource, String database) {
        this.dataSource = dataSource;
        this.dialect = SqlDialect.valueOf(database.toUpperCase(Locale.ROOT));
    }

    /** The ids of one sequence left of the block read last. */
    private final class IdBlock {
        private final String sequence;
        private final int size;
        private long next = 1;
        private long last;

        IdBlock(String sequence, int size) {
            this.sequence = sequence;
            this.size = size;
        }

        long next(Connection connection) throws SQLException {
            if (next > last) {
                // The statement actrack reads a sequence with, for each database.
                String sql = dialect.nextValue(sequence);
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery(sql)) {
                    result.next();
                    last = result.getLong(1);
                }
                next = Math.max(1, last - size + 1);
            }
            return next++;
        }
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
                    ids[i] = actionIds.next(connection);
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
                    String first = action.targetRef().key();
                    addReference(connection, insert, ids[i], "ACTOR", 0, action.actorRef(), verb, level, time, first);
                    addReference(connection, insert, ids[i], "TARGET", 0, action.targetRef(), verb, level, time, first);
                    if (action.relatedRef() != null) {
                        addReference(
                                connection,
                                insert,
                                ids[i],
                                "RELATED",
                                0,
                                action.relatedRef(),
                                verb,
                                level,
                                time,
                                first);
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement(INSERT_UNREAD.formatted(dialect.timestampParameter("?")))) {
                for (int i = 0; i < actions.size(); i++) {
                    LogSpec action = actions.get(i);
                    ObjectRef related = action.relatedRef() == null ? action.targetRef() : action.relatedRef();
                    insert.setLong(1, ids[i]);
                    insert.setTimestamp(2, time);
                    insert.setString(3, action.targetRef().key());
                    insert.setString(4, action.targetRef().type());
                    insert.setString(5, related.key());
                    insert.setString(6, related.type());
                    insert.setString(7, action.actorRef().key());
                    insert.setString(8, action.actorRef().type());
                    insert.setTimestamp(9, time);
                    insert.setBoolean(10, false);
                    insert.setString(11, action.actorRef().key());
                    insert.setString(12, action.actorRef().type());
                    insert.setString(13, verb);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    private void addReference(
            Connection connection,
            PreparedStatement insert,
            long actionId,
            String role,
            int position,
            ObjectRef ref,
            String verb,
            int level,
            Timestamp time,
            String firstTarget)
            throws SQLException {
        insert.setLong(1, referenceIds.next(connection));
        insert.setLong(2, actionId);
        insert.setString(3, role);
        insert.setInt(4, position);
        insert.setString(5, ref.type());
        insert.setString(6, ref.id());
        insert.setString(7, ref.key());
        insert.setString(8, verb);
        insert.setInt(9, level);
        insert.setTimestamp(10, time);
        insert.setString(11, firstTarget);
        insert.addBatch();
    }
}
