/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.at;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.engine.testing.ActrackMigrations;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.ScratchSchema;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The recipe of docs/schema.md, "Time partitions", as it is written there: actrack's migrations with
 * {@code db/actrack/postgresql-partitioned} in a schema of its own, then pg_partman 4.7 ({@code postgresql-15-partman},
 * which .ci/run installs) makes a partition a day of each partitioned table; actrack logs into them and its prune drops
 * the old ones.
 */
@EnabledIfSystemProperty(named = "actrack.test.schema", matches = "partitioned")
class PartmanRecipeTest {

    private static final String SCHEMA = "actrack_partman";
    private static final List<String> TABLES = List.of("actrack_action", "actrack_action_ref", "actrack_unread");

    @Test
    void pgPartmanPartitionsActracksTablesAndPruneDropsTheOldDays() throws SQLException {
        TestDatabase.Target target = ScratchSchema.create(TestDatabase.Target.fromSystemProperties(), SCHEMA);
        CountingDataSource dataSource = new CountingDataSource(target.url(), target.user(), target.password(), false);
        try {
            ActrackMigrations.of(dataSource, target.kind()).clean().migrate();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS partman");
                statement.execute("CREATE EXTENSION IF NOT EXISTS pg_partman SCHEMA partman");
                statement.execute("DELETE FROM partman.part_config WHERE parent_table LIKE '" + SCHEMA + ".%'");
                for (String table : TABLES) {
                    // What an earlier run left: pg_partman 4.7 keeps a template table per partitioned table.
                    statement.execute("DROP TABLE IF EXISTS partman.template_" + SCHEMA + "_" + table);
                    statement.execute("SELECT partman.create_parent('" + SCHEMA + "." + table
                            + "', 'action_time', 'native', 'daily', p_premake := 2)");
                }
            }
            List<LocalDateTime> days = days(dataSource);
            assertThat(days)
                    .as("pg_partman's daily partitions of actrack_action")
                    .hasSizeGreaterThanOrEqualTo(3);

            EntityManagerFactory factory = target.actrackEntities(dataSource);
            try {
                ActionLog log = Actrack.builder()
                        .entityManagerFactory(factory)
                        .settings(ActrackSettings.defaults())
                        .build();
                LocalDateTime oldest = days.get(0);
                log.log(null, "on the oldest day", at(oldest.plusHours(1).toInstant(ZoneOffset.UTC)));
                log.log(null, "on the next day", at(days.get(1).plusHours(1).toInstant(ZoneOffset.UTC)));

                long pruned = log.history().prune(days.get(1).toInstant(ZoneOffset.UTC));

                assertThat(pruned).isEqualTo(1);
                assertThat(days(dataSource)).doesNotContain(oldest).contains(days.get(1));
                assertThat(log.history().prune(days.get(1).toInstant(ZoneOffset.UTC)))
                        .isZero();
            } finally {
                factory.close();
            }
        } finally {
            dataSource.closeAll();
        }
    }

    /** The first day of each partition pg_partman made for actrack_action, in order. */
    private static List<LocalDateTime> days(CountingDataSource dataSource) throws SQLException {
        List<LocalDateTime> days = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT substring(pg_get_expr(c.relpartbound, c.oid)"
                        + " FROM 'FROM \\(''([^'']+)''\\)')::timestamp FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
                        + " WHERE p.relname = 'actrack_action' AND p.relnamespace = '" + SCHEMA
                        + "'::regnamespace AND c.relpartbound IS NOT NULL ORDER BY 1")) {
            while (rows.next()) {
                if (rows.getTimestamp(1) != null) {
                    days.add(rows.getTimestamp(1).toLocalDateTime());
                }
            }
        }
        return days;
    }
}
