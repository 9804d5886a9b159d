/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.lang.reflect.AccessibleObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks, from its annotations alone, whether a {@code @Connected} class is an entity with a single id. */
final class EntityClasses {

    private EntityClasses() {}

    /** The definition error of a {@code @Connected} class, if any. */
    static Optional<String> problem(Class<?> type) {
        if (!type.isAnnotationPresent(Entity.class)) {
            return Optional.of(CdiProblem.CONNECTED_NOT_ENTITY.message(type.getName()));
        }
        String composite = compositeId(type);
        return composite == null
                ? Optional.empty()
                : Optional.of(CdiProblem.CONNECTED_COMPOSITE_ID.message(type.getName(), composite));
    }

    private static String compositeId(Class<?> type) {
        int ids = 0;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(IdClass.class)) {
                return "@IdClass " + c.getAnnotation(IdClass.class).value().getName();
            }
            List<AccessibleObject> members = new ArrayList<>(List.of(c.getDeclaredFields()));
            members.addAll(List.of(c.getDeclaredMethods()));
            for (AccessibleObject member : members) {
                if (member.isAnnotationPresent(EmbeddedId.class)) {
                    return "@EmbeddedId " + member;
                }
                if (member.isAnnotationPresent(Id.class)) {
                    ids++;
                }
            }
        }
        return ids > 1 ? ids + " @Id attributes" : null;
    }
}
