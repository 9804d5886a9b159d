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
 * application's, or actrack's default one. Container-managed entity managers join the caller's JTA
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
        String unit = persistenceUnit == null ? configuration.settings().persistenceUnit().orElse("") : persistenceUnit;
        Instance<EntityManager> selected = entityManagers.select(ActrackPersistence.Literal.of(unit));
        if (!selected.isResolvable()) {
            throw CdiProblem.NO_ENTITY_MANAGER.exception(unit, unit.isEmpty() ? "(default)" : unit);
        }
        return work.apply(selected.get());
    }
}
