/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.spi.PersistenceProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.TestDatabase;

/**
 * The database and persistence unit a benchmark runs on: the test suites' database choice
 * ({@code actrack.test.db}), a pooled {@link CountingDataSource} that both actrack and the hand-written SQL
 * use, and the JPA provider named by {@code actrack.bench.provider} ({@code eclipselink}, the default, or
 * {@code hibernate}). The schema is created by the provider, as the test suites create it.
 */
final class BenchUnit implements AutoCloseable {

    private final TestDatabase.Target target;
    private final String provider;
    private final CountingDataSource dataSource;
    private final EntityManagerFactory factory;

    private BenchUnit(TestDatabase.Target target, String provider) {
        this.target = target;
        this.provider = provider;
        this.dataSource = new CountingDataSource(url(target), target.user(), target.password(), false);
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put(
                "jakarta.persistence.schema-generation.database.action", keepsData() ? "none" : "drop-and-create");
        if ("hibernate".equals(provider)) {
            properties.put("jakarta.persistence.provider", "org.hibernate.jpa.HibernatePersistenceProvider");
            properties.put("hibernate.jdbc.batch_size", "1000");
            properties.put("hibernate.order_inserts", "true");
        } else {
            // JDBC batching, as docs/guide.md advises for production; the platform is detected by EclipseLink.
            properties.put("eclipselink.jdbc.batch-writing", "JDBC");
            properties.put("eclipselink.jdbc.batch-writing.size", "1000");
            properties.put("eclipselink.logging.level", "SEVERE");
            properties.put("eclipselink.session-name", "actrack-bench");
            if (Boolean.getBoolean("actrack.bench.show-sql")) {
                properties.put("eclipselink.logging.level.sql", "FINE");
                properties.put("eclipselink.logging.parameters", "true");
            }
        }
        this.factory = "hibernate".equals(provider)
                ? hibernate(properties)
                : Persistence.createEntityManagerFactory(TestDatabase.UNIT, properties);
    }

    /**
     * Hibernate's factory, asked of its provider directly: through {@link Persistence} a provider that fails to
     * start is skipped without a word, and the failure would read "no persistence provider".
     */
    private static EntityManagerFactory hibernate(Map<String, Object> properties) {
        try {
            PersistenceProvider hibernate =
                    (PersistenceProvider) Class.forName("org.hibernate.jpa.HibernatePersistenceProvider")
                            .getConstructor()
                            .newInstance();
            return Objects.requireNonNull(
                    hibernate.createEntityManagerFactory(TestDatabase.UNIT, properties),
                    "Hibernate does not take the unit " + TestDatabase.UNIT);
        } catch (ReflectiveOperationException notOnTheClassPath) {
            throw new IllegalStateException(
                    "Hibernate ORM is not on the class path: run with -Phibernate", notOnTheClassPath);
        }
    }

    static BenchUnit fromSystemProperties() {
        String provider =
                System.getProperty("actrack.bench.provider", "eclipselink").strip();
        if (!provider.equals("eclipselink") && !provider.equals("hibernate")) {
            throw new IllegalArgumentException(
                    "actrack.bench.provider is '" + provider + "'; use eclipselink or hibernate");
        }
        return new BenchUnit(TestDatabase.Target.fromSystemProperties(), provider);
    }

    /**
     * The JDBC URL both sides use. MariaDB Connector/J sends batches of inserts with its bulk protocol, which
     * refuses {@code INSERT … SELECT}: the benchmark turns it off for both sides alike.
     */
    private static String url(TestDatabase.Target target) {
        if (!"mariadb".equals(target.kind()) || target.url().contains("useBulkStmts")) {
            return target.url();
        }
        return target.url() + (target.url().contains("?") ? "&" : "?")
                + "useBulkStmts=false&useBulkStmtsForInserts=false";
    }

    /**
     * Whether the read data of the previous run is used again ({@code actrack.bench.keep-data=true}): no schema
     * generation, no data generation. For repeated runs while working on actrack; the same size must be given.
     */
    static boolean keepsData() {
        return Boolean.getBoolean("actrack.bench.keep-data");
    }

    /** {@code h2}, {@code postgresql} or {@code mariadb}. */
    String database() {
        return target.kind();
    }

    /** {@code eclipselink} or {@code hibernate}. */
    String provider() {
        return provider;
    }

    CountingDataSource dataSource() {
        return dataSource;
    }

    EntityManagerFactory factory() {
        return factory;
    }

    @Override
    public void close() throws Exception {
        factory.close();
        dataSource.closeAll();
    }

    /** Persists {@code count} entities made by {@code create}, in one transaction, and returns them. */
    <T> List<T> persistAll(int count, IntFunction<T> create) {
        List<T> entities = new ArrayList<>();
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            for (int i = 0; i < count; i++) {
                T entity = create.apply(i);
                em.persist(entity);
                entities.add(entity);
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        return entities;
    }
}
