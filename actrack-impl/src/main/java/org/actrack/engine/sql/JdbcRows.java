/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of actrack's native reads on a JDBC connection the provider lends ({@link ProviderHooks#nativeRows}):
 * the rows as the driver returns them, as a JPA native query returns them, parameters bound in order (arrays of
 * ids or keys as SQL arrays, for {@code = ANY(?)} where {@link SqlDialect} uses it).
 */
public final class JdbcRows {

    private JdbcRows() {}

    /** Binds one of actrack's parameters: {@code Long[]} and {@code String[]} as SQL arrays, the rest as they are. */
    public static void bind(Connection connection, PreparedStatement statement, int index, Object parameter)
            throws SQLException {
        if (parameter instanceof Long[] ids) {
            statement.setArray(index, connection.createArrayOf("bigint", ids));
        } else if (parameter instanceof String[] keys) {
            statement.setArray(index, connection.createArrayOf("varchar", keys));
        } else {
            statement.setObject(index, parameter);
        }
    }

    public static List<Object[]> read(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                bind(connection, statement, i + 1, parameters.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                // A timestamp (actrack's are UTC, without a zone) read as a LocalDateTime: as a java.sql.Timestamp
                // the drivers compute it through the JVM's calendar and zone, a tenth of a page's time in the JVM.
                boolean[] timestamps = new boolean[columns];
                for (int column = 0; column < columns; column++) {
                    timestamps[column] = result.getMetaData().getColumnType(column + 1) == Types.TIMESTAMP;
                }
                List<Object[]> rows = new ArrayList<>();
                while (result.next()) {
                    Object[] row = new Object[columns];
                    for (int column = 0; column < columns; column++) {
                        row[column] = timestamps[column]
                                ? result.getObject(column + 1, LocalDateTime.class)
                                : result.getObject(column + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
