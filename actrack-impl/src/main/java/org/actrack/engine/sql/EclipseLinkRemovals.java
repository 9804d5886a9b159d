/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/** Whether EclipseLink's unit of work removed an entity (see {@link ProviderHooks#removedIn}). */
public final class EclipseLinkRemovals {

    private EclipseLinkRemovals() {}

    public static boolean removed(EntityManager em, Object entity) {
        return em.unwrap(UnitOfWorkImpl.class).isObjectDeleted(entity);
    }
}
