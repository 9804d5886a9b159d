/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Function;
import org.actrack.ActrackPersistence;
import org.actrack.spi.EntityManagerSource;

/**
 * Lends the engine the entity manager qualified {@link ActrackPersistence} with the unit's name: the
 * application's, or actrack's default one (also for the unit named by {@code actrack.persistence-unit} when the
 * application produces none with that name). Container-managed entity managers join the caller's JTA
 * transaction; the container closes them.
 */
@ApplicationScoped
class CdiEntityManagerSource implements EntityManagerSource {

    @Inject
    @Any
    Instance<EntityManager> entityManagers;

    @Inject
    ActrackConfiguration configuration;

    @Override
    public <T> T withEntityManager(String persistenceUnit, Function<EntityManager, T> work) {
        String configured = configuration.settings().persistenceUnit().orElse("");
        String unit = persistenceUnit == null ? configured : persistenceUnit;
        Instance<EntityManager> selected = entityManagers.select(ActrackPersistence.Literal.of(unit));
        if (!selected.isResolvable() && unit.equals(configured)) {
            selected = entityManagers.select(ActrackPersistence.Literal.DEFAULT);
        }
        if (!selected.isResolvable()) {
            throw CdiProblem.NO_ENTITY_MANAGER.exception(unit, unit.isEmpty() ? "(default)" : unit);
        }
        return work.apply(selected.get());
    }
}
