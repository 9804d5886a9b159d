/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actrack.engine.testing.ActrackMigrations;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.SchemaDescription;
import org.actrack.engine.testing.SchemaDescription.Column;
import org.actrack.engine.testing.SchemaDescription.Index;
import org.actrack.engine.testing.SchemaDescription.Table;
import org.actrack.engine.testing.ScratchSchema;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped migrations and actrack's mapping cannot drift apart: on the database and provider of the run,
 * the schema the provider generates from {@code META-INF/actrack-orm.xml} is compared with the one the
 * migrations create, each in a scratch schema of its own. The migrations may be stricter (a primary key on
 * a collection table, a check on an enum column, a foreign key column declared {@code NOT NULL}), never looser.
 */
class SchemaMatchesMappingTest {

    private static SchemaDescription generated;
    private static SchemaDescription migrated;

    @BeforeAll
    static void createBothSchemas() throws SQLException {
        TestDatabase.Target test = TestDatabase.Target.fromSystemProperties();
        TestDatabase.Target fromMigrations = ScratchSchema.create(test, "actrack_migrated");
        fromMigrations.migrate();
        migrated = TestDatabase.partitioned() ? asUnpartitioned(describe(fromMigrations)) : describe(fromMigrations);

        TestDatabase.Target fromMapping = ScratchSchema.create(test, "actrack_generated");
        CountingDataSource dataSource =
                new CountingDataSource(fromMapping.url(), fromMapping.user(), fromMapping.password(), false);
        try {
            ActrackMigrations.of(dataSource, test.kind()).clean();
            Map<String, Object> properties = fromMapping.unitProperties(dataSource);
            properties.put("jakarta.persistence.schema-generation.database.action", "create");
            Persistence.generateSchema(TestDatabase.MAPPING_UNIT, properties);
            generated = SchemaDescription.of(dataSource, test.kind());
        } finally {
            dataSource.closeAll();
        }
    }

    /**
     * A schema partitioned by time ({@code db/actrack/postgresql-partitioned}) with exactly the differences
     * docs/schema.md lists taken back, and nothing else: {@code action_time} added to the keys of the three partitioned
     * tables (primary, unique and the references' foreign key), and the uniqueness of foreign ids kept by the table
     * {@code actrack_foreign_id} instead of a unique index. Any other difference still fails the comparison.
     */
    private static SchemaDescription asUnpartitioned(SchemaDescription partitioned) {
        Map<String, Table> tables = new java.util.TreeMap<>(partitioned.tables());
        Table foreignIds = tables.remove("actrack_foreign_id");
        assertThat(foreignIds).as("actrack_foreign_id").isNotNull();
        assertThat(foreignIds.primaryKey()).containsExactly("foreign_id");
        for (String name : List.of("actrack_action", "actrack_action_ref", "actrack_unread")) {
            Table table = tables.get(name);
            assertThat(table.primaryKey()).as(name + "'s primary key").contains("action_time");
            Set<String> primaryKey = new java.util.TreeSet<>(table.primaryKey());
            primaryKey.remove("action_time");
            Set<Index> indexes = new java.util.TreeSet<>();
            for (Index index : table.indexes()) {
                List<String> columns = index.columns();
                boolean keyWithTime = index.unique()
                        && columns.size() > 1
                        && columns.get(columns.size() - 1).equals("action_time");
                boolean foreignIdIndex = name.equals("actrack_action") && columns.equals(List.of("foreign_id"));
                indexes.add(
                        keyWithTime
                                ? new Index(columns.subList(0, columns.size() - 1), true)
                                : foreignIdIndex ? new Index(columns, true) : index);
            }
            Set<String> foreignKeys = new java.util.TreeSet<>(table.foreignKeys());
            foreignKeys.remove("action_time -> actrack_action");
            tables.put(name, new Table(name, table.columns(), primaryKey, indexes, foreignKeys));
        }
        return new SchemaDescription(tables, partitioned.sequences());
    }

    private static SchemaDescription describe(TestDatabase.Target target) throws SQLException {
        CountingDataSource dataSource = new CountingDataSource(target.url(), target.user(), target.password(), false);
        try {
            return SchemaDescription.of(dataSource, target.kind());
        } finally {
            dataSource.closeAll();
        }
    }

    @Test
    void theMigrationsCreateExactlyTheTablesOfTheMapping() {
        assertThat(generated.tables()).isNotEmpty();
        assertThat(migrated.tables().keySet()).isEqualTo(generated.tables().keySet());
    }

    @Test
    void everyColumnOfTheMappingHasAColumnThatHoldsItsValues() {
        assertThat(problems((expected, actual, problems) -> expected.columns()
                        .values()
                        .forEach(column -> {
                            Column found = actual.columns().get(column.name());
                            String where = expected.name() + "." + column.name();
                            if (found == null) {
                                problems.add(where + " is missing");
                                return;
                            }
                            if (!found.family().equals(column.family())) {
                                problems.add(where + " is " + found.family() + ", the mapping's is " + column.family());
                            }
                            if (found.rank() < column.rank()) {
                                problems.add(where + " is a narrower integer than the mapping's");
                            }
                            if (found.size() < column.size()) {
                                problems.add(where + " holds " + found.size() + ", the mapping's " + column.size());
                            }
                            if (found.digits() < column.digits()) {
                                problems.add(where + " keeps " + found.digits() + " fractional digits, the mapping's "
                                        + column.digits());
                            }
                            if (found.nullable() && !column.nullable()) {
                                problems.add(where + " accepts nulls, the mapping's does not");
                            }
                            if (column.autoIncrement() && !found.autoIncrement()) {
                                problems.add(where + " is not numbered by the database, as the provider expects here");
                            }
                        })))
                .isEmpty();
    }

    @Test
    void theMigrationsHaveNoColumnTheMappingDoesNotWrite() {
        assertThat(problems((expected, actual, problems) -> actual.columns().keySet().stream()
                        .filter(column -> !expected.columns().containsKey(column))
                        .forEach(column -> problems.add(actual.name() + "." + column + " is not in the mapping"))))
                .isEmpty();
    }

    @Test
    void primaryKeysAndForeignKeysAreTheMappings() {
        assertThat(problems((expected, actual, problems) -> {
                    if (!expected.primaryKey().isEmpty()
                            && !expected.primaryKey().equals(actual.primaryKey())) {
                        problems.add(expected.name() + " has the primary key " + actual.primaryKey()
                                + ", the mapping's is " + expected.primaryKey());
                    }
                    if (!expected.foreignKeys().equals(actual.foreignKeys())) {
                        problems.add(expected.name() + " has the foreign keys " + actual.foreignKeys()
                                + ", the mapping's are " + expected.foreignKeys());
                    }
                }))
                .isEmpty();
    }

    @Test
    void everyIndexAndUniqueConstraintOfTheMappingExists() {
        assertThat(problems((expected, actual, problems) -> {
                    for (Index index : expected.indexes()) {
                        boolean covered = index.unique()
                                ? actual.indexes().stream()
                                                .anyMatch(i -> i.unique()
                                                        && i.columns().equals(index.columns()))
                                        || actual.primaryKey().equals(Set.copyOf(index.columns()))
                                : actual.indexes().stream().anyMatch(i -> startsWith(i.columns(), index.columns()))
                                        || startsWith(List.copyOf(actual.primaryKey()), index.columns());
                        if (!covered) {
                            problems.add(expected.name() + " lacks " + (index.unique() ? "a unique index" : "an index")
                                    + " on " + index.columns() + " (it has " + actual.indexes() + ")");
                        }
                    }
                }))
                .isEmpty();
    }

    /** Compares a migrated table with the table the mapping generates, adding what is wrong to {@code problems}. */
    @FunctionalInterface
    private interface TableCheck {
        void compare(Table expected, Table actual, List<String> problems);
    }

    /** What the check finds wrong with the migrated tables that the mapping also generates. */
    private static List<String> problems(TableCheck check) {
        List<String> problems = new ArrayList<>();
        generated.tables().values().forEach(expected -> {
            Table actual = migrated.tables().get(expected.name());
            if (actual != null) {
                check.compare(expected, actual, problems);
            }
        });
        return problems;
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        return columns.size() >= prefix.size()
                && columns.subList(0, prefix.size()).equals(prefix);
    }

    @Test
    void sequencesStepByTheAllocationSizesOfTheMapping() {
        assertThat(migrated.sequences()).containsAllEntriesOf(generated.sequences());
    }
}
