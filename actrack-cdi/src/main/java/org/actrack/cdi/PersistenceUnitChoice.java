/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.actrack.ActrackPersistence;

/**
 * Which persistence unit actrack writes to, worked out while the application deploys (for {@link ActrackExtension}):
 * the application's {@code @ActrackPersistence} producers, the unit named by {@code actrack.persistence-unit}, the
 * units the application's {@code persistence.xml} files declare, its own persistence context references and whether
 * it has a {@code @Default} entity manager bean. It registers actrack's {@link DefaultPersistence} when the
 * application does not produce the entity manager itself, and reports a unit that cannot be chosen or that lacks
 * actrack's mapping file.
 */
final class PersistenceUnitChoice {

    private final Set<String> producedUnits = ConcurrentHashMap.newKeySet();
    private final PersistenceContextReferences references = new PersistenceContextReferences();
    private List<PersistenceDescriptors.Unit> declaredUnits = List.of();
    private Optional<String> configuredUnit = Optional.empty();
    private boolean applicationProvidesPersistence;
    private boolean applicationHasDefaultEntityManager;
    private List<String> unitNotChosen = List.of();
    private boolean defaultPersistenceAdded;

    /** Notes the persistence context references of an application type. */
    void noticeReferences(AnnotatedType<?> type) {
        if (type.getJavaClass() != DefaultPersistence.class) {
            references.addFrom(type);
        }
    }

    /** Notes the units an application type produces an {@code @ActrackPersistence} entity manager for. */
    void noticeProducers(AnnotatedType<?> type) {
        if (type.getJavaClass() == DefaultPersistence.class) {
            return;
        }
        type.getMethods().stream()
                .filter(m -> m.isAnnotationPresent(Produces.class) && m.isAnnotationPresent(ActrackPersistence.class))
                .forEach(m -> producedUnits.add(
                        m.getAnnotation(ActrackPersistence.class).value()));
        type.getFields().stream()
                .filter(f -> f.isAnnotationPresent(Produces.class) && f.isAnnotationPresent(ActrackPersistence.class))
                .forEach(f -> producedUnits.add(
                        f.getAnnotation(ActrackPersistence.class).value()));
    }

    /** Notes that the application has a {@code @Default} entity manager bean of its own. */
    void noticeDefaultEntityManager() {
        applicationHasDefaultEntityManager = true;
    }

    /**
     * Registers actrack's own entity manager, unless the application produces the one actrack uses by default:
     * a container-managed persistence context of the unit named by {@code actrack.persistence-unit}, or of the
     * application's only unit. With several units and none named, no persistence context is declared (a server
     * rejects one without a unit name) and actrack needs the application's {@code @Default} entity manager.
     *
     * @return the definition error of a configured unit that no descriptor declares
     */
    Optional<String> registerDefault(AfterTypeDiscovery event, Optional<String> configured, ClassLoader loader) {
        configuredUnit = configured;
        declaredUnits = PersistenceDescriptors.read(loader);
        applicationProvidesPersistence = producedUnits.contains("")
                || configured.filter(producedUnits::contains).isPresent();
        if (applicationProvidesPersistence) {
            return Optional.empty();
        }
        List<String> names =
                declaredUnits.stream().map(PersistenceDescriptors.Unit::name).toList();
        if (configured.isPresent() && !names.isEmpty() && !names.contains(configured.get())) {
            return Optional.of(CdiProblem.UNKNOWN_CONFIGURED_UNIT.message(configured.get(), names));
        }
        defaultPersistenceAdded = true;
        var type = event.addAnnotatedType(
                DefaultPersistence.class, ActrackExtension.class.getName() + ".DefaultPersistence");
        if (configured.isPresent() || names.size() == 1) {
            PersistenceContextLiteral unit = new PersistenceContextLiteral(configured.orElse(""));
            type.filterFields(field -> field.getJavaMember().getName().equals(DefaultPersistence.CONTAINER_MANAGED))
                    .forEach(field -> field.add(unit));
        } else if (names.size() > 1) {
            unitNotChosen = names;
        }
        return Optional.empty();
    }

    /** Whether actrack registered its {@link DefaultPersistence} (a discovered copy of it is then vetoed). */
    boolean defaultPersistenceAdded() {
        return defaultPersistenceAdded;
    }

    /**
     * Reports several units, none named for actrack, and no entity manager of the application's to fall back on;
     * then, when the unit is known, one whose {@code persistence.xml} does not list actrack's entities (else every
     * call would fail with "not a known entity type"; read from the descriptors, so that it fails the deployment on
     * every server).
     *
     * @return whether actrack's unit is chosen
     */
    boolean check(AfterDeploymentValidation event) {
        if (!unitNotChosen.isEmpty() && !applicationHasDefaultEntityManager) {
            event.addDeploymentProblem(CdiProblem.PERSISTENCE_UNIT_NOT_CHOSEN.deploymentProblem(unitNotChosen));
            return false;
        }
        if (!applicationProvidesPersistence) {
            PersistenceDescriptors.actracksUnit(declaredUnits, configuredUnit)
                    .filter(unit -> !unit.listsActracksEntities())
                    .ifPresent(unit -> event.addDeploymentProblem(CdiProblem.MAPPING_MISSING.deploymentProblem(
                            unit.name(), unit.source(), PersistenceDescriptors.MAPPING_LINE)));
        }
        return true;
    }

    /** The JNDI names of the application's persistence context references to the unit actrack writes to by default. */
    List<String> referencesToActracksUnit() {
        return references.to(configuredUnit, declaredUnits.size());
    }
}
