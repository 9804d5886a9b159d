/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.actrack.ActrackPersistence;

/**
 * The entity manager actrack writes with when the application produces none qualified
 * {@link ActrackPersistence}: a container-managed persistence context of the unit named by
 * {@code actrack.persistence-unit}, or of the application's only unit, joined to the caller's JTA
 * transaction. actrack's jars declare no reference a server could reject; the first of these that is there is
 * used:
 * <ol>
 * <li>{@link #containerManaged}, which the extension annotates {@code @PersistenceContext} with the unit's name
 * when it registers this bean (servers that inject through CDI: WildFly, Weld with JPA services);</li>
 * <li>a persistence context reference of that unit which the application declares itself, looked up by its
 * JNDI name (servers that inject only what they found in class files: Payara);</li>
 * <li>the application's own {@code @Default} entity manager bean (also outside a server).</li>
 * </ol>
 */
@ApplicationScoped
class DefaultPersistence {

    private static final System.Logger LOGGER = System.getLogger(DefaultPersistence.class.getName());

    /** The name of the field the extension annotates {@code @PersistenceContext}. */
    static final String CONTAINER_MANAGED = "containerManaged";

    /** Injected by the server, as the extension's {@code @PersistenceContext} says; {@code null} without one. */
    EntityManager containerManaged;

    @Inject
    @Default
    Instance<EntityManager> applicationEntityManagers;

    @Inject
    ActrackExtension extension;

    @Inject
    ActrackConfiguration configuration;

    private volatile EntityManager found;

    @Produces
    @ActrackPersistence
    EntityManager entityManager() {
        EntityManager entityManager = found;
        if (entityManager == null) {
            entityManager = find();
            found = entityManager;
        }
        return entityManager;
    }

    private EntityManager find() {
        String unit = configuration
                .settings()
                .persistenceUnit()
                .map(name -> "'" + name + "'")
                .orElse("(the application's only unit)");
        if (containerManaged != null) {
            LOGGER.log(
                    System.Logger.Level.INFO,
                    "actrack writes to the persistence unit {0} through its own persistence context",
                    unit);
            return containerManaged;
        }
        List<String> references = extension.referencesToActracksUnit();
        for (String reference : references) {
            try {
                EntityManager entityManager = (EntityManager) new InitialContext().lookup(reference);
                LOGGER.log(
                        System.Logger.Level.INFO,
                        "actrack writes to the persistence unit {0} through the reference {1} the application declares",
                        unit,
                        reference);
                return entityManager;
            } catch (NamingException | RuntimeException notBound) {
                LOGGER.log(System.Logger.Level.DEBUG, "actrack could not look up {0}: {1}", reference, notBound);
            }
        }
        if (applicationEntityManagers.isResolvable()) {
            LOGGER.log(System.Logger.Level.INFO, "actrack writes with the @Default entity manager of the application");
            return applicationEntityManagers.get();
        }
        throw CdiProblem.NO_DEFAULT_ENTITY_MANAGER.exception(
                unit, references.isEmpty() ? "none" : String.join(", ", references));
    }
}
