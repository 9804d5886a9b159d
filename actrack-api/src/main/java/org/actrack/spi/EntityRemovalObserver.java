/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

/**
 * Told about every entity the JPA provider is about to remove ({@code em.remove}, including cascaded
 * removals), through actrack's default entity listener (declared in {@code META-INF/actrack-orm.xml}).
 * Implementations are found with {@link java.util.ServiceLoader}; actrack-cdi provides one that turns
 * the removal of {@link org.actrack.Connected @Connected} entities into deleted items. Without one,
 * removals are not observed: call {@link org.actrack.History#entityRemoved(Object) log.history().entityRemoved(entity)} yourself.
 *
 * <p>Called inside the provider's remove operation, in the remover's transaction; an exception thrown
 * here fails the removal.
 */
public interface EntityRemovalObserver {

    /**
     * The entity is about to be removed.
     *
     * @param entity the entity
     */
    void removing(Object entity);
}
