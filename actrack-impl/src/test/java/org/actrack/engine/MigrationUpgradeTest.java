/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.TrackerEntity;
import org.actrack.engine.testing.ActrackMigrations;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.SchemaDescription;
import org.actrack.engine.testing.ScratchSchema;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database created at schema version 1 and holding actions and trackers is upgraded by the later
 * migrations: its data survives, is readable through actrack's mapping, and the schema ends exactly as a new
 * installation's.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(
        named = "actrack.test.schema",
        matches = "partitioned",
        disabledReason =
                "the upgrade from earlier versions is that of the unpartitioned schema; db/actrack/postgresql-partitioned is for new installations")
class MigrationUpgradeTest {

    private TestDatabase.Target test;
    private CountingDataSource upgraded;

    @BeforeEach
    void createVersionOne() {
        test = TestDatabase.Target.fromSystemProperties();
        TestDatabase.Target target = ScratchSchema.create(test, "actrack_upgrade");
        upgraded = new CountingDataSource(target.url(), target.user(), target.password(), false);
        ActrackMigrations versionOne =
                ActrackMigrations.upTo(upgraded, test.kind(), "1").clean();
        assertThat(versionOne.migrate()).isEqualTo(1);
        assertThat(versionOne.currentVersion()).isEqualTo("1");
    }

    @AfterEach
    void close() throws SQLException {
        upgraded.closeAll();
    }

    @Test
    void actionsAndTrackersOfVersionOneSurviveTheUpgrade() throws SQLException {
        Instant when = Instant.parse("2025-06-01T10:15:30.123456Z");
        try (Connection connection = upgraded.getConnection()) {
            connection.setAutoCommit(true);
            insert(
                    connection,
                    "INSERT INTO actrack_action (id, actor_type, actor_id, verb, action_level, data, action_time)"
                            + " VALUES (7, 'User', '1', 'created', 20, '{\"platform\":4}', ?)",
                    when);
            insert(
                    connection,
                    "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id, ref_key, verb,"
                            + " action_level, action_time) VALUES (11, 7, 'ACTOR', 0, 'User', '1', 'User#1', 'created', 20, ?)",
                    when);
            insert(
                    connection,
                    "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id, ref_key, verb,"
                            + " action_level, action_time) VALUES (12, 7, 'TARGET', 0, 'Project', '2', 'Project#2', 'created', 20, ?)",
                    when);
            insert(
                    connection,
                    "INSERT INTO actrack_tracker (id, owner_type, owner_id, owner_key, tracked_type, tracked_id,"
                            + " tracked_key, actor_only, created_at) VALUES (5, 'User', '3', 'User#3', 'Project', '2', 'Project#2', FALSE, ?)",
                    when);
            insert(connection, "INSERT INTO actrack_tracker_verb (tracker_id, verb) VALUES (5, 'created')", null);
        }

        ActrackMigrations latest = ActrackMigrations.of(upgraded, test.kind());
        assertThat(latest.migrate()).isEqualTo(12);
        assertThat(latest.pending()).isZero();
        assertThat(latest.currentVersion()).isEqualTo("13");

        assertThat(column("SELECT owner_key FROM actrack_tracker_owner")).containsExactly("User#3");
        assertThat(column("SELECT flag FROM actrack_tracker"))
                .as("an existing tracker has no flag")
                .containsExactly("");
        assertThat(column("SELECT action_id FROM actrack_unread")).isEmpty();
        assertThat(column("SELECT name FROM actrack_id_generator")).containsExactly("deleted_item");
        assertThat(column("SELECT ref_key FROM actrack_action_ref ORDER BY id")).containsExactly("User#1", "Project#2");
        assertThat(column("SELECT first_target_key FROM actrack_action_ref ORDER BY id"))
                .as("every row of an action names its first target")
                .containsExactly("Project#2", "Project#2");

        Map<String, Object> properties =
                TestDatabase.Target.fromSystemProperties().unitProperties(upgraded);
        properties.put("hibernate.hbm2ddl.auto", "validate");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(TestDatabase.MAPPING_UNIT, properties);
        try {
            EntityManager em = factory.createEntityManager();
            ActionEntity action = em.find(ActionEntity.class, 7L);
            assertThat(action.getVerb()).isEqualTo("created");
            assertThat(action.getActorId()).isEqualTo("1");
            assertThat(action.getData()).isEqualTo("{\"platform\":4}");
            assertThat(action.getTimestamp()).isEqualTo(when);
            TrackerEntity tracker = em.find(TrackerEntity.class, 5L);
            assertThat(tracker.getVerbs()).containsExactly("created");
            assertThat(tracker.getCreatedAt()).isEqualTo(when);
            em.close();
        } finally {
            factory.close();
        }
    }

    @Test
    void unreadMarksOfVersionNineGetTheirActionsTimes() throws SQLException {
        Instant when = Instant.parse("2025-06-01T10:15:30.123456Z");
        ActrackMigrations.upTo(upgraded, test.kind(), "9").migrate();
        try (Connection connection = upgraded.getConnection()) {
            connection.setAutoCommit(true);
            insert(
                    connection,
                    "INSERT INTO actrack_action (id, verb, action_level, data, action_time)"
                            + " VALUES (7, 'created', 20, '{}', ?)",
                    when);
            insert(connection, "INSERT INTO actrack_unread (owner_key, action_id) VALUES ('User#3', 7)", null);
        }

        assertThat(ActrackMigrations.of(upgraded, test.kind()).migrate()).isEqualTo(4);

        assertThat(column("SELECT action_time FROM actrack_unread"))
                .singleElement()
                .asString()
                .startsWith("2025-06-01");
    }

    @Test
    void actionsOfVersionTenHaveNoForeignIdAndNewOnesMayHaveOne() throws SQLException {
        Instant when = Instant.parse("2025-06-01T10:15:30.123456Z");
        ActrackMigrations.upTo(upgraded, test.kind(), "10").migrate();
        try (Connection connection = upgraded.getConnection()) {
            connection.setAutoCommit(true);
            for (int id = 7; id <= 8; id++) {
                insert(
                        connection,
                        "INSERT INTO actrack_action (id, verb, action_level, data, action_time)" + " VALUES (" + id
                                + ", 'created', 20, '{}', ?)",
                        when);
            }
        }

        assertThat(ActrackMigrations.of(upgraded, test.kind()).migrate()).isEqualTo(3);

        assertThat(column("SELECT foreign_id FROM actrack_action")).containsExactly(null, null);
        try (Connection connection = upgraded.getConnection()) {
            connection.setAutoCommit(true);
            insert(
                    connection,
                    "INSERT INTO actrack_action (id, verb, action_level, data, action_time, foreign_id)"
                            + " VALUES (9, 'paid', 20, '{}', ?, 'payment-1')",
                    when);
            assertThatThrownBy(() -> insert(
                            connection,
                            "INSERT INTO actrack_action (id, verb, action_level, data, action_time, foreign_id)"
                                    + " VALUES (10, 'paid', 20, '{}', ?, 'payment-1')",
                            when))
                    .as("a foreign id is unique")
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void usersOfVersionElevenKeepTheirMarksAndHaveNoReadPositionYet() throws SQLException {
        Instant when = Instant.parse("2025-06-01T10:15:30.123456Z");
        ActrackMigrations.upTo(upgraded, test.kind(), "11").migrate();
        try (Connection connection = upgraded.getConnection()) {
            connection.setAutoCommit(true);
            insert(
                    connection,
                    "INSERT INTO actrack_action (id, verb, action_level, data, action_time)"
                            + " VALUES (7, 'created', 20, '{}', ?)",
                    when);
            insert(
                    connection,
                    "INSERT INTO actrack_unread (owner_key, action_id, action_time) VALUES ('User#3', 7, ?)",
                    when);
            insert(connection, "INSERT INTO actrack_tracker_owner (owner_key) VALUES ('User#3')", null);
        }

        assertThat(ActrackMigrations.of(upgraded, test.kind()).migrate()).isEqualTo(2);

        assertThat(column("SELECT owner_key FROM actrack_unread")).containsExactly("User#3");
        assertThat(column("SELECT read_at FROM actrack_tracker_owner")).containsExactly((String) null);
        assertThat(column("SELECT action_id FROM actrack_broadcast")).isEmpty();
    }

    @Test
    void referencesOfVersionTwelveGetTheirActionsFirstTarget() throws SQLException {
        Instant when = Instant.parse("2025-06-01T10:15:30.123456Z");
        ActrackMigrations.upTo(upgraded, test.kind(), "12").migrate();
        try (Connection connection = upgraded.getConnection()) {
            connection.setAutoCommit(true);
            for (int id = 7; id <= 8; id++) {
                insert(
                        connection,
                        "INSERT INTO actrack_action (id, actor_type, actor_id, verb, action_level, data, action_time)"
                                + " VALUES (" + id + ", 'User', '1', 'created', 20, '{}', ?)",
                        when);
            }
            String reference = "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id,"
                    + " ref_key, verb, action_level, action_time) VALUES (%d, %d, '%s', %d, '%s', '%s', '%s#%s',"
                    + " 'created', 20, ?)";
            // Action 7: an actor, two targets and a related object; action 8: an actor only.
            insert(connection, reference.formatted(11, 7, "ACTOR", 0, "User", "1", "User", "1"), when);
            insert(connection, reference.formatted(12, 7, "TARGET", 0, "Project", "2", "Project", "2"), when);
            insert(connection, reference.formatted(13, 7, "TARGET", 1, "Project", "3", "Project", "3"), when);
            insert(connection, reference.formatted(14, 7, "RELATED", 0, "Task", "4", "Task", "4"), when);
            insert(connection, reference.formatted(15, 8, "ACTOR", 0, "User", "1", "User", "1"), when);
        }

        assertThat(ActrackMigrations.of(upgraded, test.kind()).migrate()).isEqualTo(1);

        assertThat(column("SELECT first_target_key FROM actrack_action_ref ORDER BY id"))
                .containsExactly("Project#2", "Project#2", "Project#2", "Project#2", null);
    }

    @Test
    void anUpgradedSchemaIsANewInstallationsSchema() throws SQLException {
        ActrackMigrations.of(upgraded, test.kind()).migrate();

        TestDatabase.Target fresh = ScratchSchema.create(test, "actrack_fresh");
        fresh.migrate();
        CountingDataSource freshSource = new CountingDataSource(fresh.url(), fresh.user(), fresh.password(), false);
        try {
            assertThat(SchemaDescription.of(upgraded, test.kind()))
                    .isEqualTo(SchemaDescription.of(freshSource, test.kind()));
        } finally {
            freshSource.closeAll();
        }
    }

    private static void insert(Connection connection, String sql, Instant when) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (when != null) {
                statement.setObject(1, java.time.LocalDateTime.ofInstant(when, java.time.ZoneOffset.UTC));
            }
            statement.executeUpdate();
        }
    }

    private List<String> column(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = upgraded.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
