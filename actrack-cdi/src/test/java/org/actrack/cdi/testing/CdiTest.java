/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import jakarta.transaction.TransactionManager;
import java.util.Map;
import java.util.function.Supplier;
import org.actrack.cdi.ActrackExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the CDI suites: real Weld with actrack's extension and Narayana's JTA, a JTA persistence
 * unit on the database of the run, {@code @PersistenceContext} injected as a server would, and the
 * MicroProfile Config values of {@link #config()}. A new container per test, no request scope active
 * unless a test activates one.
 */
@EnableWeld
public abstract class CdiTest {

    protected final JtaDatabase database = JtaDatabase.get();

    @WeldSetup
    public WeldInitiator weld = initiator();

    private WeldInitiator initiator() {
        TestConfigSource.set(config());
        Weld weld = WeldInitiator.createWeld()
                .disableDiscovery()
                .addExtension(new ActrackExtension())
                .addExtension(new TransactionExtension())
                .addBeanClasses(org.actrack.cdi.fixtures.StoredActions.class, TestPersistence.class)
                .addBeanClasses(beans());
        return WeldInitiator.from(weld)
                .setPersistenceContextFactory(injectionPoint -> database.entityManager())
                .build();
    }

    /** The application's beans in this test's deployment. */
    protected abstract Class<?>[] beans();

    /** MicroProfile Config values for this test's container. */
    protected Map<String, String> config() {
        return Map.of();
    }

    @BeforeEach
    void cleanDatabase() {
        database.clean();
    }

    @AfterEach
    void clearConfig() {
        TestConfigSource.clear();
    }

    /** A bean of the container. */
    protected <T> T bean(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return weld.select(type, qualifiers).get();
    }

    /** Runs work in a JTA transaction that commits. */
    protected <T> T inTransaction(Supplier<T> work) {
        return CommittedWork.inTransaction(bean(TransactionManager.class), work);
    }

    /** Persists entities in a transaction of their own and returns the first. */
    protected <T> T persist(T entity) {
        return inTransaction(() -> {
            database.entityManager().persist(entity);
            return entity;
        });
    }
}
