/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.history;

import java.util.List;
import java.util.ServiceLoader;
import org.actrack.spi.EntityRemovalObserver;

/**
 * actrack's default entity listener, declared in {@code META-INF/actrack-orm.xml} for every entity of the
 * persistence unit: hands each entity about to be removed to the {@link EntityRemovalObserver}s found with
 * {@link ServiceLoader} (actrack-cdi provides one). The provider creates one instance per persistence unit.
 */
public class RemovalListener {

    private volatile List<EntityRemovalObserver> observers;

    /** Called by the provider before it removes an entity. */
    public void removing(Object entity) {
        for (EntityRemovalObserver observer : observers()) {
            observer.removing(entity);
        }
    }

    private List<EntityRemovalObserver> observers() {
        List<EntityRemovalObserver> found = observers;
        if (found == null) {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            found =
                    ServiceLoader.load(
                                    EntityRemovalObserver.class,
                                    loader != null ? loader : getClass().getClassLoader())
                            .stream()
                            .map(ServiceLoader.Provider::get)
                            .toList();
            observers = found;
        }
        return found;
    }
}
