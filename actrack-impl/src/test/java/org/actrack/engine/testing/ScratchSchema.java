/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A schema of its own beside the test schema, on the same server: a PostgreSQL schema, a MariaDB database or
 * another in-memory H2 database. Tests that compare schemas build one there without touching the suite's tables.
 */
public final class ScratchSchema {

    private ScratchSchema() {}

    /**
     * Creates the scratch schema {@code name} when missing and returns where it is.
     *
     * @param name lower case letters and underscores
     */
    public static TestDatabase.Target create(TestDatabase.Target test, String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("A scratch schema name is lower case letters and underscores: " + name);
        }
        String url = switch (test.kind()) {
            case "h2" -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            case "postgresql" -> test.url() + (test.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
            case "mariadb" -> replaceDatabase(test.url(), name);
            default -> throw new IllegalArgumentException("Unknown database kind " + test.kind());
        };
        String ddl = switch (test.kind()) {
            case "postgresql" -> "CREATE SCHEMA IF NOT EXISTS " + name;
            case "mariadb" -> "CREATE DATABASE IF NOT EXISTS " + name;
            default -> null;
        };
        if (ddl != null) {
            try (Connection connection = DriverManager.getConnection(test.url(), test.user(), test.password());
                    Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the scratch schema " + name + " at " + test.url(), e);
            }
        }
        return new TestDatabase.Target(test.kind(), url, test.user(), test.password());
    }

    /** {@code jdbc:mariadb://host:port/db?params} with another database. */
    private static String replaceDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:mariadb://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + params;
    }
}
