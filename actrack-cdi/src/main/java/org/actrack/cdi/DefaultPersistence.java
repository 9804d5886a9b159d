package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.actrack.ActrackPersistence;

/**
 * The entity manager actrack writes with when the application produces none qualified
 * {@link ActrackPersistence}: the container-managed persistence context that actrack-cdi's
 * {@code web-fragment.xml} declares as {@value #REFERENCE} (the application's only persistence unit),
 * joined to the caller's JTA transaction; where there is no such reference (outside a web container),
 * the application's own {@code @Default} entity manager bean. Registered by the extension only when the
 * application produces none of its own.
 */
@ApplicationScoped
class DefaultPersistence {

    /** The JNDI name of the persistence context reference declared in {@code META-INF/web-fragment.xml}. */
    static final String REFERENCE = "java:comp/env/actrack/entityManager";

    @Inject
    @Default
    Instance<EntityManager> applicationEntityManagers;

    private volatile EntityManager entityManager;

    @Produces
    @ActrackPersistence
    EntityManager entityManager() {
        EntityManager found = entityManager;
        if (found == null) {
            found = lookUp();
            entityManager = found;
        }
        return found;
    }

    private EntityManager lookUp() {
        try {
            return (EntityManager) new InitialContext().lookup(REFERENCE);
        } catch (NamingException | RuntimeException noReference) {
            if (applicationEntityManagers.isResolvable()) {
                return applicationEntityManagers.get();
            }
            throw CdiProblem.NO_ENTITY_MANAGER.exception("", "(default), looked up as " + REFERENCE);
        }
    }
}
