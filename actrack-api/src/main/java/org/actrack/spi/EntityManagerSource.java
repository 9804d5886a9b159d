/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * Lends actrack the {@link EntityManager} of a persistence unit, for one unit of work.
 *
 * <p>Contract:
 * <ul>
 * <li>The entity manager must know actrack's entities (in {@code org.actrack.engine.model}) and the
 * application's entities that actions refer to.</li>
 * <li>When the caller has a transaction active on the returned entity manager (resource-local or JTA),
 * actrack writes in it, so actions commit or roll back with the caller's work; otherwise actrack begins
 * and commits a resource-local transaction of its own around the work.</li>
 * <li>The source owns the entity manager's life cycle: actrack never closes it.</li>
 * </ul>
 */
@FunctionalInterface
public interface EntityManagerSource {

    /**
     * Runs {@code work} with an entity manager of the unit.
     *
     * @param persistenceUnit the unit's name, or {@code null} for the default unit
     * @param work what to do; its result is returned
     * @param <T> the result type
     * @return what {@code work} returned
     */
    <T> T withEntityManager(String persistenceUnit, Function<EntityManager, T> work);

    /**
     * A source that lends one entity manager for every unit, for code that logs inside its own
     * resource-local transaction: {@code Actrack.builder().entityManagerSource(EntityManagerSource.sharing(em))}.
     *
     * @param entityManager the entity manager
     * @return the source
     */
    static EntityManagerSource sharing(EntityManager entityManager) {
        return new EntityManagerSource() {
            @Override
            public <T> T withEntityManager(String persistenceUnit, Function<EntityManager, T> work) {
                return work.apply(entityManager);
            }
        };
    }
}
