/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;

/** The application's own entity manager bean, as many CDI applications produce one. */
@ApplicationScoped
public class TestPersistence {

    @Produces
    EntityManager entityManager() {
        return JtaDatabase.get().entityManager();
    }
}
