/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;

/** Whether EclipseLink's unit of work removed an entity (see {@link ProviderHooks#removedIn}). */
final class EclipseLinkRemovals {

    private EclipseLinkRemovals() {}

    static boolean removed(EntityManager em, Object entity) {
        return em.unwrap(UnitOfWorkImpl.class).isObjectDeleted(entity);
    }
}
