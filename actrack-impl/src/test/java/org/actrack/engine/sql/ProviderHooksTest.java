/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider seam keeps what it prepared per persistence unit only while the unit is open: a Hibernate ORM unit's
 * entry refers to its own factory (the loaders whose SQL it keeps), which a weak key alone would never let go.
 */
class ProviderHooksTest {

    private final TestDatabase.Target target = TestDatabase.Target.fromSystemProperties();
    private final CountingDataSource dataSource =
            new CountingDataSource(target.url(), target.user(), target.password());

    @AfterEach
    void closeConnections() throws Exception {
        dataSource.closeAll();
    }

    @Test
    void aClosedPersistenceUnitIsLetGoWhenAnotherIsPrepared() {
        ProviderHooks hooks = new ProviderHooks();
        EntityManagerFactory first = factory("first");
        hooks.prepare(first);
        assertThat(hooks.preparedUnits()).isEqualTo(1);
        first.close();

        EntityManagerFactory second = factory("second");
        try {
            hooks.prepare(second);

            assertThat(hooks.preparedUnits())
                    .as("the closed unit's entry is gone")
                    .isEqualTo(1);
        } finally {
            second.close();
        }
    }

    @Test
    void openPersistenceUnitsAreAllKept() {
        ProviderHooks hooks = new ProviderHooks();
        EntityManagerFactory first = factory("first");
        EntityManagerFactory second = factory("second");
        try {
            hooks.prepare(first);
            hooks.prepare(second);

            assertThat(hooks.preparedUnits()).isEqualTo(2);
        } finally {
            first.close();
            second.close();
        }
    }

    private EntityManagerFactory factory(String name) {
        Map<String, Object> properties = target.unitProperties(dataSource);
        // EclipseLink would hand a second factory of the same unit name the first one's session.
        properties.put("eclipselink.session-name", "provider-hooks-" + name);
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        properties.put("hibernate.hbm2ddl.auto", "none");
        return Persistence.createEntityManagerFactory(TestDatabase.MAPPING_UNIT, properties);
    }
}
