/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.units;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.actrack.ActrackPersistence;

/** The producer option of docs/guide.md: the application names the unit actrack writes to. */
@ApplicationScoped
public class ActrackEntityManager {

    @Produces
    @ActrackPersistence
    @PersistenceContext(unitName = "app")
    EntityManager entityManager;
}
