package org.actrack.cdi.testing;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import org.actrack.cdi.ActrackExtension;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit.MockJpaInjectionServices;

/** Boots a whole deployment by hand, for tests that expect it to fail. */
public final class Deployments {

    private Deployments() {
    }

    /** Boots a container with actrack, JTA and these bean classes, then shuts it down. */
    public static void deploy(Class<?>... beanClasses) {
        JtaDatabase database = JtaDatabase.get();
        Weld weld = new Weld().disableDiscovery().addExtension(new ActrackExtension()).addExtension(new TransactionExtension())
                .addServices(new MockJpaInjectionServices(injectionPoint -> database.entityManager(), null))
                .addBeanClasses(org.actrack.cdi.fixtures.StoredActions.class, TestPersistence.class).addBeanClasses(beanClasses);
        try (WeldContainer container = weld.initialize()) {
            container.select(org.actrack.ActionLog.class).get().settings();
        }
    }
}
