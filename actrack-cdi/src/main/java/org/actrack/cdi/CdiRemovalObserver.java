/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.inject.spi.CDI;
import org.actrack.Connected;
import org.actrack.spi.EntityRemovalObserver;

/**
 * Keeps the history of {@link Connected @Connected} entities removed through JPA: found by the engine's
 * default entity listener with {@link java.util.ServiceLoader}, it hands the removal to the application's
 * {@link CdiActionLog}, in the remover's transaction.
 */
public class CdiRemovalObserver implements EntityRemovalObserver {

    @Override
    public void removing(Object entity) {
        if (isConnected(entity.getClass())) {
            CDI.current().select(CdiActionLog.class).get().history().entityRemoved(entity);
        }
    }

    private static boolean isConnected(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Connected.class)) {
                return true;
            }
        }
        return false;
    }
}
