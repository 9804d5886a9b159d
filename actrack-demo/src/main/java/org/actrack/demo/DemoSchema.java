/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades the demo's tables at start, before the sample data, the way docs/schema.md tells
 * applications to: actrack's shipped migrations with their own history table, then the demo's own. On
 * PostgreSQL the data therefore stays across restarts; the in-memory H2 starts empty each time.
 */
@ApplicationScoped
public class DemoSchema {

    private static final System.Logger LOGGER = System.getLogger(DemoSchema.class.getName());

    @Resource(lookup = "java:app/jdbc/demo")
    DataSource dataSource;

    void migrate(@Observes @Priority(1) @Initialized(ApplicationScoped.class) Object started) {
        String database = database();
        int applied =
                migrate("db/actrack/" + database, "actrack_schema_history") + migrate("db/demo", "demo_schema_history");
        LOGGER.log(System.Logger.Level.INFO, "Demo schema on " + database + ": " + applied + " migrations applied");
    }

    private int migrate(String folder, String historyTable) {
        // baselineVersion 0: when the other set's tables are already there, this set still runs from version 1.
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + folder)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** The folder name of the data source's database: {@code h2} or {@code postgresql}. */
    private String database() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgresql")) {
                return "postgresql";
            }
            throw new IllegalStateException("The demo runs on H2 or PostgreSQL; its data source is " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the demo's data source java:app/jdbc/demo", e);
        }
    }
}
