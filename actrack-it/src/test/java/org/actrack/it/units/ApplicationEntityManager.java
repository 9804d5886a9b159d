/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The application's own {@code @Default} entity manager bean, which actrack uses when several units are not told apart. */
@ApplicationScoped
public class ApplicationEntityManager {

    @Produces
    @PersistenceContext(unitName = "app")
    EntityManager entityManager;
}
