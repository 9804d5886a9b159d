package org.actrack.engine;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The one seam for what a JPA provider needs beyond the standard, prepared once per persistence unit the first time
 * actrack uses it (actrack-cdi does it when the application starts).
 *
 * <p>Today one thing: EclipseLink 4.0 calls no {@code @PreRemove} listener for an entity it removes through an
 * {@code orphanRemoval} mapping (taken out of its collection, or with its removed parent), although Jakarta
 * Persistence 3.1 §3.2.4 says a removal does; {@link EclipseLinkOrphanRemovals} hands those entities to
 * {@link RemovalListener} as Hibernate ORM's own callbacks do. The EclipseLink classes are loaded only when the
 * persistence unit is EclipseLink's, so an application on another provider needs none of them.
 */
final class ProviderHooks {

    private static final System.Logger LOGGER = System.getLogger(ProviderHooks.class.getName());
    private static final String ECLIPSELINK_SESSION = "org.eclipse.persistence.sessions.Session";

    /** The persistence units prepared, weakly: a redeployed application's factory is not kept. */
    private final Set<EntityManagerFactory> prepared = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    /** The factory prepared last: most applications have one, and every call of actrack asks. */
    private volatile EntityManagerFactory last;

    /** Prepares {@code factory}'s persistence unit once; later calls cost a comparison. */
    void prepare(EntityManagerFactory factory) {
        if (factory == last) {
            return;
        }
        last = factory;
        if (!prepared.add(factory)) {
            return;
        }
        Class<?> session = EclipseLinkClasses.session();
        if (session == null) {
            return;
        }
        Object unwrapped;
        try {
            unwrapped = factory.unwrap(session);
        } catch (PersistenceException | IllegalStateException anotherProvider) {
            return;
        }
        try {
            EclipseLinkOrphanRemovals.install(unwrapped);
            LOGGER.log(System.Logger.Level.DEBUG, "actrack observes orphan removals of EclipseLink's persistence unit {0}", unwrapped);
        } catch (LinkageError | ClassCastException otherEclipseLink) {
            LOGGER.log(System.Logger.Level.WARNING, "actrack cannot observe the orphan removals of this EclipseLink persistence unit"
                    + " (its classes are not the ones actrack sees): entities removed through orphanRemoval lose their history", otherEclipseLink);
        }
    }

    /** EclipseLink's session interface, as the class loader of actrack's EclipseLink seam sees it; looked up once. */
    private static final class EclipseLinkClasses {
        private static final Class<?> SESSION = find();

        private static Class<?> session() {
            return SESSION;
        }

        private static Class<?> find() {
            try {
                return Class.forName(ECLIPSELINK_SESSION, false, ProviderHooks.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notHere) {
                return null;
            }
        }
    }
}
