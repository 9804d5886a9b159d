/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * The partitions of the suites' partitioned schema ({@link TestDatabase#partitioned()}): one a day for January 2026,
 * around the tests' clock ({@code ActrackContractTest.START}), and a default partition for every other
 * time, in each of actrack's partitioned tables, made by hand as docs/schema.md shows ({@code PartmanRecipeTest} makes
 * them with pg_partman).
 */
public final class TestPartitions {

    /** The first day with a partition of its own. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

    /** The day after the last one with a partition of its own. */
    public static final LocalDate END = LocalDate.of(2026, 2, 1);

    private static final List<String> TABLES = List.of("actrack_action", "actrack_action_ref", "actrack_unread");

    private TestPartitions() {}

    static void create(TestDatabase.Target target) {
        try (Connection connection =
                        java.sql.DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                for (LocalDate day = FIRST_DAY; day.isBefore(END); day = day.plusDays(1)) {
                    statement.execute("CREATE TABLE " + table + "_p"
                            + day.toString().replace("-", "")
                            + " PARTITION OF " + table + " FOR VALUES FROM ('" + day + "') TO ('" + day.plusDays(1)
                            + "')");
                }
                statement.execute("CREATE TABLE " + table + "_default PARTITION OF " + table + " DEFAULT");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the partitions of the partitioned test schema", e);
        }
    }

    /** Creates the partitions a prune dropped again (on emptied tables), so that each test starts with the same layout. */
    static void restore(jakarta.persistence.EntityManager em) {
        long expected = TABLES.size() * (java.time.temporal.ChronoUnit.DAYS.between(FIRST_DAY, END) + 1);
        long present = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM pg_inherits i JOIN pg_class p"
                                + " ON p.oid = i.inhparent WHERE p.relnamespace = current_schema()::regnamespace"
                                + " AND p.relname IN ('actrack_action', 'actrack_action_ref', 'actrack_unread')")
                        .getSingleResult())
                .longValue();
        if (present == expected) {
            return;
        }
        for (String table : TABLES) {
            for (LocalDate day = FIRST_DAY; day.isBefore(END); day = day.plusDays(1)) {
                em.createNativeQuery("CREATE TABLE IF NOT EXISTS " + table + "_p"
                                + day.toString().replace("-", "")
                                + " PARTITION OF " + table + " FOR VALUES FROM ('" + day + "') TO ('"
                                + day.plusDays(1) + "')")
                        .executeUpdate();
            }
        }
    }
}
