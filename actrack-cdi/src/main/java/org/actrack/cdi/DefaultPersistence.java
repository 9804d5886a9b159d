package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.actrack.ActrackPersistence;

/**
 * The entity manager actrack writes with when the application produces none qualified
 * {@link ActrackPersistence}: the application's persistence context (its only persistence unit),
 * container-managed and joined to the caller's JTA transaction. Registered by the extension only then.
 */
@ApplicationScoped
class DefaultPersistence {

    @PersistenceContext
    EntityManager entityManager;

    @Produces
    @ActrackPersistence
    EntityManager entityManager() {
        return entityManager;
    }
}
