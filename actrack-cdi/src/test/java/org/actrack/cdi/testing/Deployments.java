/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.function.Function;
import org.actrack.cdi.ActrackExtension;
import org.actrack.spi.Integration;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit.MockJpaInjectionServices;

/** Boots a whole deployment by hand, for tests that expect it to fail. */
public final class Deployments {

    private Deployments() {}

    /** Boots a container with actrack, JTA, the application's entity manager and these bean classes, then shuts it down. */
    public static void deploy(Class<?>... beanClasses) {
        try (WeldContainer container = weld(injectionPoint -> JtaDatabase.get().entityManager(), beanClasses)
                .addBeanClass(TestPersistence.class)
                .initialize()) {
            container
                    .select(org.actrack.ActionLog.class)
                    .get()
                    .unwrap(Integration.class)
                    .settings();
        }
    }

    /**
     * Boots a container with actrack, JTA and these bean classes, without an entity manager bean of the
     * application's: the server's {@code @PersistenceContext} injection is {@code persistenceContexts}.
     */
    public static WeldContainer startWithoutApplicationEntityManager(
            Function<InjectionPoint, Object> persistenceContexts, Class<?>... beanClasses) {
        return weld(persistenceContexts, beanClasses).initialize();
    }

    private static Weld weld(Function<InjectionPoint, Object> persistenceContexts, Class<?>... beanClasses) {
        return new Weld()
                .disableDiscovery()
                .addExtension(new ActrackExtension())
                .addExtension(new TransactionExtension())
                .addServices(new MockJpaInjectionServices(null, persistenceContexts))
                .addBeanClasses(org.actrack.cdi.fixtures.StoredActions.class)
                .addBeanClasses(beanClasses);
    }
}
