/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * actrack's tables and sequences in one schema as the database describes them (JDBC metadata and the
 * catalog), in a form that compares across databases and providers: names in lower case, column types as
 * families ({@code text}, {@code integer}, {@code boolean}, {@code timestamp}), indexes by their columns.
 *
 * @param tables the {@code actrack_} tables by name, Flyway's history table left out
 * @param sequences the {@code actrack_} sequences and their increments
 */
public record SchemaDescription(Map<String, Table> tables, Map<String, Long> sequences) {

    /**
     * A column: its type family, its rank among integers (1 tiny … 4 big), its size, fractional digits,
     * nullability, and whether the database numbers it ({@code AUTO_INCREMENT}, identity).
     */
    public record Column(
            String name, String family, int rank, int size, int digits, boolean nullable, boolean autoIncrement) {}

    /** An index or unique constraint, by its columns in order. */
    public record Index(List<String> columns, boolean unique) implements Comparable<Index> {
        @Override
        public int compareTo(Index other) {
            return toString().compareTo(other.toString());
        }
    }

    /**
     * A table.
     *
     * @param indexes every index but the primary key's
     * @param foreignKeys {@code column -> referenced table}, as strings
     */
    public record Table(
            String name,
            Map<String, Column> columns,
            Set<String> primaryKey,
            Set<Index> indexes,
            Set<String> foreignKeys) {}

    /** Describes the schema the data source's connections use. */
    public static SchemaDescription of(DataSource dataSource, String kind) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String catalog = connection.getCatalog();
            String schema = connection.getSchema();
            Map<String, Table> tables = new TreeMap<>();
            try (ResultSet rows = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "PARTITIONED TABLE"})) {
                while (rows.next()) {
                    String name = rows.getString("TABLE_NAME");
                    String lower = lower(name);
                    if (lower.startsWith("actrack_") && !lower.equals(ActrackMigrations.HISTORY_TABLE)) {
                        tables.put(lower, table(meta, catalog, schema, name));
                    }
                }
            }
            return new SchemaDescription(tables, sequences(connection, kind));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot describe the schema", e);
        }
    }

    private static Table table(DatabaseMetaData meta, String catalog, String schema, String name) throws SQLException {
        Map<String, Column> columns = new TreeMap<>();
        try (ResultSet rows = meta.getColumns(catalog, schema, name, "%")) {
            while (rows.next()) {
                Column column = column(rows);
                columns.put(column.name(), column);
            }
        }
        Set<String> primaryKey = new TreeSet<>();
        Map<Short, String> primaryKeyInOrder = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(catalog, schema, name)) {
            while (rows.next()) {
                primaryKey.add(lower(rows.getString("COLUMN_NAME")));
                primaryKeyInOrder.put(rows.getShort("KEY_SEQ"), lower(rows.getString("COLUMN_NAME")));
            }
        }
        Map<String, List<String>> indexColumns = new TreeMap<>();
        Map<String, Boolean> indexUnique = new TreeMap<>();
        try (ResultSet rows = meta.getIndexInfo(catalog, schema, name, false, false)) {
            while (rows.next()) {
                if (rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                        || rows.getString("INDEX_NAME") == null) {
                    continue;
                }
                String index = rows.getString("INDEX_NAME");
                List<String> list = indexColumns.computeIfAbsent(index, key -> new ArrayList<>());
                int position = rows.getShort("ORDINAL_POSITION");
                while (list.size() < position) {
                    list.add(null);
                }
                list.set(position - 1, lower(rows.getString("COLUMN_NAME")));
                indexUnique.put(index, !rows.getBoolean("NON_UNIQUE"));
            }
        }
        Set<Index> indexes = new TreeSet<>();
        indexColumns.forEach((index, list) -> {
            // The primary key's own index has its columns in its order; another index may have the same columns in
            // another order (a partitioned table's (owner_key, action_time, action_id) beside its key).
            if (!list.equals(List.copyOf(primaryKeyInOrder.values()))) {
                indexes.add(new Index(List.copyOf(list), indexUnique.get(index)));
            }
        });
        Set<String> foreignKeys = new TreeSet<>();
        try (ResultSet rows = meta.getImportedKeys(catalog, schema, name)) {
            while (rows.next()) {
                foreignKeys.add(
                        lower(rows.getString("FKCOLUMN_NAME")) + " -> " + lower(rows.getString("PKTABLE_NAME")));
            }
        }
        return new Table(lower(name), columns, primaryKey, indexes, foreignKeys);
    }

    private static Column column(ResultSet row) throws SQLException {
        String name = lower(row.getString("COLUMN_NAME"));
        int type = row.getInt("DATA_TYPE");
        String typeName = row.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
        int size = row.getInt("COLUMN_SIZE");
        int digits = row.getInt("DECIMAL_DIGITS");
        boolean nullable = row.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        String family;
        int rank = 0;
        if (type == Types.BOOLEAN
                || type == Types.BIT
                || (type == Types.TINYINT && size == 1)
                || typeName.equals("bool")) {
            family = "boolean";
        } else if (type == Types.TINYINT
                || type == Types.SMALLINT
                || type == Types.INTEGER
                || type == Types.BIGINT
                || ((type == Types.NUMERIC || type == Types.DECIMAL) && digits == 0)) {
            family = "integer";
            rank = switch (type) {
                case Types.TINYINT -> 1;
                case Types.SMALLINT -> 2;
                case Types.INTEGER -> 3;
                default -> 4;
            };
        } else if (type == Types.VARCHAR
                || type == Types.CHAR
                || type == Types.NVARCHAR
                || type == Types.NCHAR
                || type == Types.LONGVARCHAR
                || type == Types.CLOB
                || typeName.startsWith("enum")) {
            family = "text";
        } else if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            family = "timestamp";
        } else {
            family = typeName;
        }
        return new Column(
                name,
                family,
                rank,
                family.equals("text") || family.equals("timestamp") ? size : 0,
                family.equals("timestamp") ? digits : 0,
                nullable,
                "YES".equals(row.getString("IS_AUTOINCREMENT")));
    }

    private static Map<String, Long> sequences(Connection connection, String kind) throws SQLException {
        Map<String, Long> sequences = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            switch (kind) {
                case "postgresql" ->
                    readSequences(
                            statement,
                            "SELECT sequence_name, increment FROM information_schema.sequences"
                                    + " WHERE sequence_schema = current_schema()",
                            sequences);
                case "h2" ->
                    readSequences(
                            statement,
                            "SELECT SEQUENCE_NAME, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                                    + " WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA",
                            sequences);
                case "mariadb" -> {
                    List<String> names = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE'")) {
                        while (rows.next()) {
                            names.add(rows.getString(1));
                        }
                    }
                    for (String name : names) {
                        try (ResultSet rows = statement.executeQuery("SELECT increment FROM " + name)) {
                            rows.next();
                            sequences.put(lower(name), rows.getLong(1));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("Unknown database kind " + kind);
            }
        }
        sequences.keySet().removeIf(name -> !name.startsWith("actrack_"));
        return sequences;
    }

    private static void readSequences(Statement statement, String sql, Map<String, Long> sequences)
            throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                sequences.put(
                        lower(rows.getString(1)),
                        Long.parseLong(rows.getString(2).trim()));
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
