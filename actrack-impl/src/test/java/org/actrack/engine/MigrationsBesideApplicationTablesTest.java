/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.actrack.engine.testing.ActrackMigrations;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.ScratchSchema;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * actrack's migrations, configured as docs/schema.md says, run in the schema of an application that already
 * has tables (and its own Flyway history), and a second run finds nothing to do.
 */
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(
        named = "actrack.test.schema",
        matches = "partitioned",
        disabledReason = "it counts the unpartitioned schema's migrations")
class MigrationsBesideApplicationTablesTest {

    @Test
    void actracksMigrationsRunInASchemaThatAlreadyHoldsTheApplicationsTables() throws SQLException {
        TestDatabase.Target test = TestDatabase.Target.fromSystemProperties();
        TestDatabase.Target target = ScratchSchema.create(test, "actrack_beside_app");
        CountingDataSource dataSource = new CountingDataSource(target.url(), target.user(), target.password(), false);
        try {
            ActrackMigrations migrations =
                    ActrackMigrations.of(dataSource, test.kind()).clean();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("CREATE TABLE app_train (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100))");
                statement.execute("INSERT INTO app_train (id, name) VALUES (12, 'Twelve')");
            }

            assertThat(migrations.migrate()).isEqualTo(13);
            assertThat(migrations.currentVersion()).isEqualTo("13");
            assertThat(ActrackMigrations.of(dataSource, test.kind()).migrate()).isZero();

            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT name FROM app_train")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Twelve");
            }
        } finally {
            dataSource.closeAll();
        }
    }
}
