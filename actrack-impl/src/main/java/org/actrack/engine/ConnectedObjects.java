/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Type;
import java.util.Optional;
import org.actrack.Connected;
import org.actrack.ObjectRef;

/**
 * Entities named from outside Java (an entity name and an id as text), found only among the {@link Connected
 * connected} entity types of the persistence unit, so that nothing else can be addressed.
 */
public final class ConnectedObjects {

    private ConnectedObjects() {}

    static Optional<EntityType<?>> type(EntityManager em, String entityName) {
        if (entityName == null) {
            return Optional.empty();
        }
        return em.getMetamodel().getEntities().stream()
                .filter(type -> type.getName().equals(entityName) && isConnected(type.getJavaType()))
                .<EntityType<?>>map(type -> type)
                .findFirst();
    }

    static Optional<Object> find(EntityManager em, ObjectRef ref) {
        if (ref.isWholeType()) {
            return Optional.empty();
        }
        return type(em, ref.type())
                .filter(type -> type.hasSingleIdAttribute()
                        && type.getIdType().getPersistenceType() == Type.PersistenceType.BASIC
                        && EntityIds.isSupported(type.getIdType().getJavaType()))
                .flatMap(type ->
                        id(type.getIdType().getJavaType(), ref.id()).map(id -> em.find(type.getJavaType(), id)));
    }

    private static Optional<Object> id(Class<?> idType, String text) {
        try {
            return Optional.of(EntityIds.fromText(idType, text));
        } catch (IllegalArgumentException notAnId) {
            // NumberFormatException too: text that is no id of the type names nothing.
            return Optional.empty();
        }
    }

    private static boolean isConnected(Class<?> type) {
        return annotationOf(type).isPresent();
    }

    /** The {@code @Connected} of the class or of its nearest annotated superclass; empty when none is connected. */
    public static Optional<Connected> annotationOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Connected connected = c.getAnnotation(Connected.class);
            if (connected != null) {
                return Optional.of(connected);
            }
        }
        return Optional.empty();
    }
}
