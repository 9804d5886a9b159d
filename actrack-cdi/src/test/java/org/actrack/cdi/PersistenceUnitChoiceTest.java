/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.cdi.testing.PersistenceXml.unitWithActracksMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.actrack.ActionLog;
import org.actrack.ActrackPersistence;
import org.actrack.cdi.testing.Deployments;
import org.actrack.cdi.testing.JtaDatabase;
import org.actrack.cdi.testing.PersistenceXml;
import org.actrack.cdi.testing.TestConfigSource;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which persistence unit actrack writes to when the application produces no {@code @ActrackPersistence} entity
 * manager: the server injects actrack's persistence context for the application's only unit, or the unit named by
 * {@code actrack.persistence-unit}; with several units and no name, deployment fails unless the application has an
 * entity manager bean of its own.
 */
class PersistenceUnitChoiceTest {

    private static final PersistenceXml TWO_UNITS =
            PersistenceXml.declaring(unitWithActracksMapping("shop") + unitWithActracksMapping("archive"));

    /** The unit names of the persistence contexts the "server" injected. */
    private final List<String> injectedUnits = new CopyOnWriteArrayList<>();

    @AfterEach
    void forgetConfiguration() {
        TestConfigSource.clear();
    }

    @Test
    void theOnlyUnitIsInjectedWithoutAnyDeclaration() {
        PersistenceXml oneUnit = PersistenceXml.declaring(unitWithActracksMapping("shop"));

        oneUnit.during(() -> usingActracksEntityManager());

        assertThat(injectedUnits).containsExactly("");
    }

    @Test
    void theConfiguredUnitIsInjectedAmongSeveral() {
        TestConfigSource.set(Map.of("actrack.persistence-unit", "archive"));

        TWO_UNITS.during(() -> usingActracksEntityManager());

        assertThat(injectedUnits).containsExactly("archive");
    }

    @Test
    void severalUnitsWithoutAChoiceFailTheDeploymentNamingThemAndTheKey() {
        assertThatThrownBy(() -> TWO_UNITS.during(() -> usingActracksEntityManager()))
                .hasStackTraceContaining("ACTRACK-515")
                .hasStackTraceContaining("[shop, archive]")
                .hasStackTraceContaining("actrack.persistence-unit");
        assertThat(injectedUnits).isEmpty();
    }

    @Test
    void severalUnitsWithoutAChoiceUseTheApplicationsOwnEntityManager() {
        assertThatCode(() -> TWO_UNITS.during(() -> Deployments.deploy())).doesNotThrowAnyException();
    }

    @Test
    void aConfiguredUnitThatNoDescriptorDeclaresFailsTheDeploymentNamingTheDeclaredOnes() {
        TestConfigSource.set(Map.of("actrack.persistence-unit", "archiv"));

        assertThatThrownBy(() -> TWO_UNITS.during(() -> usingActracksEntityManager()))
                .hasStackTraceContaining("ACTRACK-516")
                .hasStackTraceContaining("'archiv'")
                .hasStackTraceContaining("[shop, archive]");
    }

    @Test
    void theConfiguredUnitMustListActracksMapping() {
        TestConfigSource.set(Map.of("actrack.persistence-unit", "reports"));
        PersistenceXml descriptor =
                PersistenceXml.declaring(unitWithActracksMapping("shop") + "<persistence-unit name=\"reports\"/>");

        assertThatThrownBy(() -> descriptor.during(() -> usingActracksEntityManager()))
                .hasStackTraceContaining("ACTRACK-514")
                .hasStackTraceContaining("'reports'");
    }

    @Test
    void anApplicationProducerForTheConfiguredUnitIsUsedInsteadOfActracksOwn() {
        TestConfigSource.set(Map.of("actrack.persistence-unit", "archive"));

        TWO_UNITS.during(() -> usingActracksEntityManager(ArchiveProducer.class));

        // The application's producer is a dependent bean: each use of the entity manager (actrack's preparation at
        // start, then the calls) injects its field again, always for its own unit.
        assertThat(injectedUnits).isNotEmpty().containsOnly("archive-by-the-application");
    }

    /** Deploys, then logs with actrack's entity manager as the engine would ask for it. */
    private void usingActracksEntityManager(Class<?>... beanClasses) {
        JtaDatabase database = JtaDatabase.get();
        try (SeContainer container = Deployments.startWithoutApplicationEntityManager(
                injectionPoint -> {
                    injectedUnits.add(injectionPoint
                            .getAnnotated()
                            .getAnnotation(PersistenceContext.class)
                            .unitName());
                    return database.entityManager();
                },
                beanClasses)) {
            container.select(CdiEntityManagerSource.class).get().withEntityManager(null, EntityManager::getMetamodel);
            container.select(ActionLog.class).get().unwrap(Integration.class).settings();
        }
    }

    /** An application that produces actrack's entity manager for the unit it named in configuration. */
    public static class ArchiveProducer {
        @jakarta.enterprise.inject.Produces
        @ActrackPersistence("archive")
        @PersistenceContext(unitName = "archive-by-the-application")
        EntityManager archive;
    }
}
