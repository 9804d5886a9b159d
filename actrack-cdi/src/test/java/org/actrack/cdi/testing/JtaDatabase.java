/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.TestDatabase;

/**
 * The CDI suites' database: the one chosen by {@code actrack.test.db} (see {@link TestDatabase}), behind
 * a JTA persistence unit whose connections Narayana enlists in its transactions, as in a server. One per
 * test run.
 */
public final class JtaDatabase {

    public static final String UNIT = "actrack-cdi-test";

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
            "cdi_ticket",
            "rail_coach",
            "rail_train",
            "rail_station",
            "rail_member");

    /** Enough connections for the concurrent requests of actrack-rest's suite. */
    private static final int POOL_SIZE = 40;

    private static JtaDatabase instance;

    private final CountingDataSource plain;
    private final EntityManagerFactory factory;
    private final EntityManager entityManager;

    private JtaDatabase(TestDatabase.Target target) {
        try {
            arjPropertyManager.getCoreEnvironmentBean().setNodeIdentifier("actrack-test");
        } catch (com.arjuna.ats.arjuna.common.CoreEnvironmentBeanException e) {
            throw new IllegalStateException(e);
        }
        arjPropertyManager.getObjectStoreEnvironmentBean().setObjectStoreDir("target/narayana");
        this.plain = new CountingDataSource(target.url(), target.user(), target.password());
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.jtaDataSource", pooled(target));
        properties.put("jakarta.persistence.nonJtaDataSource", plain);
        properties.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
        properties.put("eclipselink.target-database", target.eclipseLinkPlatform());
        properties.put("eclipselink.target-server", NarayanaPlatform.class.getName());
        properties.put("eclipselink.cache.shared.default", "false");
        properties.put("eclipselink.logging.level", "WARNING");
        if (JpaProviders.hibernate()) {
            // WildFly's provider under the same JTA: Narayana's transaction manager, one connection per transaction.
            properties.put("jakarta.persistence.provider", "org.hibernate.jpa.HibernatePersistenceProvider");
            properties.put("hibernate.transaction.jta.platform", "JBossTS");
            properties.put(
                    "hibernate.connection.handling_mode",
                    "DELAYED_ACQUISITION_AND_RELEASE_BEFORE_TRANSACTION_COMPLETION");
        }
        this.factory = Persistence.createEntityManagerFactory(UNIT, properties);
        this.entityManager =
                TransactionScopedEntityManager.create(factory, new TransactionSynchronizationRegistryImple());
    }

    /** The run's database, created on first use. */
    public static synchronized JtaDatabase get() {
        if (instance == null) {
            instance = new JtaDatabase(TestDatabase.Target.fromSystemProperties());
        }
        return instance;
    }

    /** The container-managed-like entity manager, as {@code @PersistenceContext} would inject it. */
    public EntityManager entityManager() {
        return entityManager;
    }

    public EntityManagerFactory factory() {
        return factory;
    }

    /** Empties every table, outside any transaction. */
    public void clean() {
        try (Connection connection = plain.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows in a table, counted in SQL outside any transaction. */
    public long rows(String table) {
        try (Connection connection = plain.getConnection();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JTA data source: a pool of XA connections (Agroal, WildFly's pool) that Narayana enlists in its
     * transactions, one connection per transaction at the database's default isolation, as a server lends them.
     * (Narayana's own transactional driver runs PostgreSQL SERIALIZABLE and fails to enlist under concurrent
     * transactions: see stack-notes.md.)
     */
    private static DataSource pooled(TestDatabase.Target target) {
        Class<? extends XADataSource> xa = switch (target.kind()) {
            case "postgresql" -> org.postgresql.xa.PGXADataSource.class;
            case "mariadb" -> org.mariadb.jdbc.MariaDbDataSource.class;
            default -> org.h2.jdbcx.JdbcDataSource.class;
        };
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(POOL_SIZE)
                        .acquisitionTimeout(Duration.ofSeconds(30))
                        .transactionIntegration(new NarayanaTransactionIntegration(
                                com.arjuna.ats.jta.TransactionManager.transactionManager(),
                                new TransactionSynchronizationRegistryImple()))
                        // -Dactrack.test.pool.validate=true: each borrowed connection is checked (Connection.isValid),
                        // so
                        // that the pool drops connections a stopped database broke, as a server's validating pool does.
                        .validateOnBorrow(Boolean.getBoolean("actrack.test.pool.validate"))
                        .connectionValidator(io.agroal.api.configuration.AgroalConnectionPoolConfiguration
                                .ConnectionValidator.defaultValidatorWithTimeout(2))
                        .connectionFactoryConfiguration(factory -> factory.connectionProviderClass(xa)
                                .jdbcUrl(target.url())
                                .principal(new NamePrincipal(target.user()))
                                .credential(new SimplePassword(target.password()))));
        try {
            return AgroalDataSource.from(configuration);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test pool on " + target.url(), e);
        }
    }
}
