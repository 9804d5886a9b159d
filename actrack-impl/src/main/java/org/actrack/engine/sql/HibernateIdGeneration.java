/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Whether a Hibernate ORM persistence unit numbers an entity on insert (see {@link ProviderHooks#numbersOnInsert}). */
final class HibernateIdGeneration {

    private HibernateIdGeneration() {}

    static boolean numbersOnInsert(Object unwrappedFactory, Class<?> entity) {
        return unwrappedFactory instanceof SessionFactoryImplementor factory
                && factory.getMappingMetamodel()
                        .getEntityDescriptor(entity)
                        .getGenerator()
                        .generatedOnExecution();
    }
}
