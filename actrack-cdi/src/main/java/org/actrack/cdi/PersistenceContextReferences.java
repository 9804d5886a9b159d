/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceContextType;
import jakarta.persistence.PersistenceContexts;
import jakarta.persistence.SynchronizationType;
import java.beans.Introspector;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The transaction-scoped persistence context references the application's own classes declare with
 * {@code @PersistenceContext}, by the JNDI names the Jakarta EE platform gives them ({@code java:comp/env/} and
 * the annotation's name, or the class's name, a slash and the field's or property's name). actrack looks one of
 * them up where the server does not inject the persistence context the extension declares itself (Payara injects
 * only what it found by scanning class files), so that it needs no reference of its own.
 */
final class PersistenceContextReferences {

    /**
     * One reference.
     *
     * @param unitName the unit it names; empty for the application's only unit
     * @param jndiName where it is bound
     */
    record Reference(String unitName, String jndiName) {}

    private final List<Reference> references = new CopyOnWriteArrayList<>();

    /** Notes the references a class declares on fields, setters and the class itself. */
    void addFrom(AnnotatedType<?> type) {
        String className = type.getJavaClass().getName();
        for (AnnotatedField<?> field : type.getFields()) {
            if (field.isAnnotationPresent(PersistenceContext.class)
                    && field.getDeclaringType().getJavaClass() == type.getJavaClass()) {
                add(
                        field.getAnnotation(PersistenceContext.class),
                        className + "/" + field.getJavaMember().getName());
            }
        }
        for (AnnotatedMethod<?> method : type.getMethods()) {
            String name = method.getJavaMember().getName();
            if (method.isAnnotationPresent(PersistenceContext.class)
                    && method.getDeclaringType().getJavaClass() == type.getJavaClass()
                    && name.startsWith("set")
                    && name.length() > 3) {
                add(
                        method.getAnnotation(PersistenceContext.class),
                        className + "/" + Introspector.decapitalize(name.substring(3)));
            }
        }
        if (type.isAnnotationPresent(PersistenceContext.class)) {
            add(type.getAnnotation(PersistenceContext.class), "");
        }
        if (type.isAnnotationPresent(PersistenceContexts.class)) {
            for (PersistenceContext context :
                    type.getAnnotation(PersistenceContexts.class).value()) {
                add(context, "");
            }
        }
    }

    private void add(PersistenceContext context, String defaultName) {
        String name = context.name().isEmpty() ? defaultName : context.name();
        if (name.isEmpty()
                || context.type() != PersistenceContextType.TRANSACTION
                || context.synchronization() != SynchronizationType.SYNCHRONIZED) {
            return;
        }
        references.add(new Reference(context.unitName(), name.startsWith("java:") ? name : "java:comp/env/" + name));
    }

    /**
     * The JNDI names of the references to actrack's unit: the unit named {@code configured}, or else any unit
     * when the application has at most one.
     */
    List<String> to(Optional<String> configured, int declaredUnits) {
        if (configured.isEmpty() && declaredUnits > 1) {
            return List.of();
        }
        return references.stream()
                .filter(reference -> configured.isEmpty() || configured.get().equals(reference.unitName()))
                .map(Reference::jndiName)
                .distinct()
                .toList();
    }
}
