/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database the suites run on, chosen by the system property {@code actrack.test.db}: {@code h2}
 * (the default, in memory), {@code postgresql} or {@code mariadb}, the latter two on this machine's
 * servers unless {@code actrack.test.jdbc.url}, {@code .user} and {@code .password} say otherwise.
 * One per test run: the schema is created once, and {@link #clean()} empties the tables between tests.
 *
 * <p>actrack's tables are created as production creates them: the shipped migrations
 * ({@code db/actrack/<database>}) applied by Flyway to an emptied schema, with JPA schema generation off and
 * the provider validating the mapping against them where it can (Hibernate's {@code validate};
 * {@code SchemaMatchesMappingTest} compares them with the generated schema on every provider). The test
 * entities' tables are generated from the {@value #FIXTURES_UNIT} unit. {@code actrack.test.schema=generated}
 * lets the provider generate every table instead.
 *
 * <p>This class is the only place that knows the JPA provider of the test runs: EclipseLink, or Hibernate
 * ORM with {@code actrack.test.provider=hibernate}.
 */
public final class TestDatabase implements ExtensionContext.Store.CloseableResource {

    public static final String UNIT = "actrack-test";

    /** The test entities alone, whose tables this unit generates when actrack's come from the migrations. */
    public static final String FIXTURES_UNIT = "actrack-fixtures";

    /** actrack's mapping file alone: the schema the provider would generate for actrack. */
    public static final String MAPPING_UNIT = "actrack-mapping";

    /** Tables emptied between tests, children first. */
    private static final List<String> TABLES = List.of(
            "actrack_unread",
            "actrack_read_mark",
            "actrack_broadcast",
            "actrack_action_ref",
            "actrack_action",
            "actrack_deleted_item",
            "actrack_tracker_verb",
            "actrack_tracker",
            "actrack_tracker_owner",
            "actrack_outbox",
            "fixture_task",
            "fixture_project",
            "fixture_user",
            "fixture_station",
            "fixture_badge",
            "fixture_membership",
            "fixture_note");

    private final String kind;
    private final CountingDataSource dataSource;
    private final EntityManagerFactory factory;

    private TestDatabase(Target target) {
        this.kind = target.kind();
        this.dataSource = new CountingDataSource(target.url(), target.user(), target.password());
        Map<String, Object> properties = target.unitProperties(dataSource);
        if (Boolean.getBoolean("actrack.test.batch-writing")) {
            // For measurements: JDBC batching of inserts, as a production unit would configure it.
            properties.put("eclipselink.jdbc.batch-writing", "JDBC");
            properties.put("eclipselink.jdbc.batch-writing.size", "500");
        }
        if ("generated".equals(property("actrack.test.schema", "migrations"))) {
            properties.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
        } else {
            target.migrate();
            if (partitioned()) {
                TestPartitions.create(target);
            }
            Map<String, Object> fixtures = target.unitProperties(dataSource);
            // The schema was emptied by the migrations' clean: nothing to drop.
            fixtures.put("jakarta.persistence.schema-generation.database.action", "create");
            Persistence.createEntityManagerFactory(FIXTURES_UNIT, fixtures).close();
            properties.put("jakarta.persistence.schema-generation.database.action", "none");
            properties.put("hibernate.hbm2ddl.auto", "validate");
        }
        this.factory = Persistence.createEntityManagerFactory(UNIT, properties);
    }

    /**
     * Whether the run's schema is partitioned by time ({@code -Dactrack.test.schema=partitioned}, PostgreSQL only): the
     * shipped migrations, then {@code db/actrack/postgresql-partitioned}, then {@link TestPartitions}.
     */
    public static boolean partitioned() {
        return "partitioned".equals(property("actrack.test.schema", "migrations"));
    }

    /** Opens the database named by the system properties. */
    public static TestDatabase fromSystemProperties() {
        return new TestDatabase(Target.fromSystemProperties());
    }

    /**
     * Where the test database is: its kind ({@code h2}, {@code postgresql} or {@code mariadb}), JDBC URL
     * and credentials, from the system properties.
     */
    public record Target(String kind, String url, String user, String password) {

        public static Target fromSystemProperties() {
            String kind = property("actrack.test.db", "h2").toLowerCase(Locale.ROOT);
            String url = property(
                    "actrack.test.jdbc.url",
                    switch (kind) {
                        case "h2" -> "jdbc:h2:mem:actrack;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
                        case "postgresql" -> "jdbc:postgresql://127.0.0.1:5432/test";
                        case "mariadb" -> "jdbc:mariadb://127.0.0.1:3306/test";
                        default ->
                            throw new IllegalArgumentException(
                                    "actrack.test.db is '" + kind + "'; use h2, postgresql or mariadb");
                    });
            String user = property(
                    "actrack.test.jdbc.user",
                    switch (kind) {
                        case "postgresql" -> "postgres";
                        case "mariadb" -> "root";
                        default -> "sa";
                    });
            return new Target(kind, url, user, property("actrack.test.jdbc.password", ""));
        }

        /**
         * The properties of a test unit on this database over {@code dataSource}, for the provider of the run,
         * without schema generation: a mutable map.
         */
        public Map<String, Object> unitProperties(DataSource dataSource) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
            properties.put("eclipselink.target-database", eclipseLinkPlatform());
            // What a test reads must come from the database, not from EclipseLink's shared cache.
            properties.put("eclipselink.cache.shared.default", "false");
            properties.put("eclipselink.logging.level", "WARNING");
            if ("hibernate".equals(System.getProperty("actrack.test.provider"))) {
                properties.put("jakarta.persistence.provider", "org.hibernate.jpa.HibernatePersistenceProvider");
            }
            return properties;
        }

        /**
         * A factory of actrack's entities alone ({@link #MAPPING_UNIT}) over {@code dataSource}, whose schema was made
         * beforehand (by migrations): nothing is generated.
         */
        public EntityManagerFactory actrackEntities(DataSource dataSource) {
            Map<String, Object> properties = unitProperties(dataSource);
            properties.put("jakarta.persistence.schema-generation.database.action", "none");
            return Persistence.createEntityManagerFactory(MAPPING_UNIT, properties);
        }

        /** Empties the schema and applies actrack's shipped migrations, on connections of their own. */
        public void migrate() {
            CountingDataSource migrations = new CountingDataSource(url, user, password, false);
            try {
                ActrackMigrations.of(migrations, kind).clean().migrate();
            } finally {
                try {
                    migrations.closeAll();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot close the migrations' connections", e);
                }
            }
        }

        /** EclipseLink's platform class for this database. */
        public String eclipseLinkPlatform() {
            return PLATFORMS.get(kind);
        }
    }

    private static final Map<String, String> PLATFORMS = Map.of(
            "h2", "org.eclipse.persistence.platform.database.H2Platform",
            "postgresql", "org.eclipse.persistence.platform.database.PostgreSQLPlatform",
            "mariadb", "org.eclipse.persistence.platform.database.MySQLPlatform");

    private static String property(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** {@code h2}, {@code postgresql} or {@code mariadb}. */
    public String kind() {
        return kind;
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    /** Every SQL statement is recorded here. */
    public CountingDataSource statements() {
        return dataSource;
    }

    /** Empties every table. */
    public void clean() {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            for (String table : TABLES) {
                em.createNativeQuery("DELETE FROM " + table).executeUpdate();
            }
            if (partitioned()) {
                TestPartitions.restore(em);
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    @Override
    public void close() throws SQLException {
        factory.close();
        dataSource.closeAll();
    }
}
