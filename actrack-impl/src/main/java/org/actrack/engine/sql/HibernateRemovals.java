/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.engine.spi.Status;

/** Whether Hibernate ORM's session removed an entity (see {@link ProviderHooks#removedIn}). */
public final class HibernateRemovals {

    private HibernateRemovals() {}

    public static boolean removed(EntityManager em, Object entity) {
        EntityEntry entry = em.unwrap(SessionImplementor.class)
                .getPersistenceContextInternal()
                .getEntry(entity);
        return entry != null && (entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE);
    }
}
