/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.function.Function;
import org.actrack.spi.EntityManagerSource;

/** The source used without CDI: a fresh entity manager of the unit's factory for each unit of work. */
final class EntityManagerFactorySource implements EntityManagerSource {

    private final EntityManagerFactory defaultFactory;
    private final Map<String, EntityManagerFactory> namedFactories;

    EntityManagerFactorySource(EntityManagerFactory defaultFactory, Map<String, EntityManagerFactory> namedFactories) {
        this.defaultFactory = defaultFactory;
        this.namedFactories = Map.copyOf(namedFactories);
    }

    @Override
    public <T> T withEntityManager(String persistenceUnit, Function<EntityManager, T> work) {
        EntityManagerFactory factory = persistenceUnit == null ? defaultFactory : namedFactories.get(persistenceUnit);
        if (factory == null) {
            throw Problem.UNKNOWN_PERSISTENCE_UNIT.exception(persistenceUnit, namedFactories.keySet());
        }
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }
}
