/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContextType;
import jakarta.persistence.PersistenceProperty;
import jakarta.persistence.SynchronizationType;

/**
 * {@code @PersistenceContext(unitName = …)} made at deployment, when the unit's name is known: actrack's jars
 * carry no persistence context reference a server could reject (WildFly refuses any reference without a unit
 * name in an application with several units).
 */
final class PersistenceContextLiteral extends AnnotationLiteral<PersistenceContext> implements PersistenceContext {

    private static final long serialVersionUID = 1L;

    private final String unitName;

    PersistenceContextLiteral(String unitName) {
        this.unitName = unitName;
    }

    @Override
    public String name() {
        return "";
    }

    @Override
    public String unitName() {
        return unitName;
    }

    @Override
    public PersistenceContextType type() {
        return PersistenceContextType.TRANSACTION;
    }

    @Override
    public SynchronizationType synchronization() {
        return SynchronizationType.SYNCHRONIZED;
    }

    @Override
    public PersistenceProperty[] properties() {
        return new PersistenceProperty[0];
    }
}
