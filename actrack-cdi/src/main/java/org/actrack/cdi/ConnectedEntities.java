/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.actrack.Connected;

/**
 * The {@code @Connected} entities of the deployment: those the extension saw, and those the JPA metamodel
 * knows (entities of {@code annotated} bean archives are not bean classes, so CDI never shows them to the
 * extension).
 */
final class ConnectedEntities {

    private final Map<Class<?>, Connected> entities = new ConcurrentHashMap<>();

    void add(Class<?> type) {
        entities.put(type, type.getAnnotation(Connected.class));
    }

    /**
     * Adds the connected entities of a metamodel.
     *
     * @return the problems found: connected entities with a composite id
     */
    List<String> addFrom(Metamodel metamodel) {
        List<String> problems = new ArrayList<>();
        for (EntityType<?> entity : metamodel.getEntities()) {
            Class<?> type = entity.getJavaType();
            if (type == null || !type.isAnnotationPresent(Connected.class)) {
                continue;
            }
            if (!entity.hasSingleIdAttribute()
                    || entity.getIdType().getPersistenceType() != Type.PersistenceType.BASIC) {
                problems.add(CdiProblem.CONNECTED_COMPOSITE_ID.message(type.getName(), "per the JPA metamodel"));
            } else {
                add(type);
            }
        }
        return problems;
    }

    /** How the entity is connected; empty when it is not. */
    Optional<Connected> of(Class<?> type) {
        return Optional.ofNullable(entities.get(type));
    }
}
