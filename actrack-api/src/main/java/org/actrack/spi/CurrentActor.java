/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

/**
 * Supplies the actor of {@link org.actrack.Actionable @Actionable} methods that have no
 * {@link org.actrack.Actionable.Actor @Actor} parameter: typically the entity of the caller principal.
 * Provide at most one CDI bean implementing it; without one, such methods are a deployment error.
 */
@FunctionalInterface
public interface CurrentActor {

    /**
     * The entity acting now, or {@code null} to log without an actor.
     *
     * @return the entity acting now, or {@code null} to log without an actor
     */
    Object get();
}
