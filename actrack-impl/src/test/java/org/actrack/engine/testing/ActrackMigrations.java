/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * actrack's shipped migrations ({@code classpath:db/actrack/<database>}) applied by Flyway, the way docs/schema.md
 * tells applications to: their own history table, so that they never mix with the application's migrations.
 */
public final class ActrackMigrations {

    /** The history table docs/schema.md recommends for actrack's migrations. */
    public static final String HISTORY_TABLE = "actrack_schema_history";

    private final Flyway flyway;

    private ActrackMigrations(Flyway flyway) {
        this.flyway = flyway;
    }

    /**
     * The migrations of a database kind over a data source.
     *
     * @param kind {@code h2}, {@code postgresql} or {@code mariadb}: the folder the scripts are read from
     */
    public static ActrackMigrations of(DataSource dataSource, String kind) {
        return new ActrackMigrations(configure(dataSource, kind).load());
    }

    /**
     * The PostgreSQL migrations of a schema partitioned by time: the shipped ones, then
     * {@code db/actrack/postgresql-partitioned} (docs/schema.md, "Time partitions"), whatever the run's schema is.
     */
    public static ActrackMigrations partitioned(DataSource dataSource) {
        return new ActrackMigrations(configure(dataSource, "postgresql")
                .locations("classpath:db/actrack/postgresql", "classpath:db/actrack/postgresql-partitioned")
                .load());
    }

    /** The migrations up to and including {@code version} only. */
    public static ActrackMigrations upTo(DataSource dataSource, String kind, String version) {
        return new ActrackMigrations(configure(dataSource, kind)
                .target(MigrationVersion.fromVersion(version))
                .load());
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(
            DataSource dataSource, String kind) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/actrack/" + kind));
        if (kind.equals("postgresql") && TestDatabase.partitioned()) {
            locations.add("classpath:db/actrack/postgresql-partitioned");
        }
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(false);
    }

    /** Drops every object of the schema: the tests' start from nothing. */
    public ActrackMigrations clean() {
        flyway.clean();
        return this;
    }

    /** Applies the pending migrations and returns how many were applied. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** The version the schema is at, or {@code null} before the first migration. */
    public String currentVersion() {
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** How many shipped migrations are not applied yet. */
    public int pending() {
        return flyway.info().pending().length;
    }
}
