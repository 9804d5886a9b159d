/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.actrack.ActionStream;
import org.actrack.StreamName;

/**
 * The application's {@link ActionStream} beans, by their {@link StreamName}: checked one by one as they are
 * discovered (a valid name, a name on every stream and on streams only), and for duplicates once all are known.
 */
final class CustomStreamBeans {

    private final Map<String, List<String>> classesByName = new TreeMap<>();
    private volatile SortedSet<String> names = Collections.emptySortedSet();

    /** Notes a bean; the problem with it, if any, as a definition error. */
    Optional<DefinitionException> notice(Bean<?> bean) {
        boolean stream = bean.getTypes().contains(ActionStream.class);
        Optional<StreamName> name = bean.getQualifiers().stream()
                .filter(StreamName.class::isInstance)
                .map(StreamName.class::cast)
                .findFirst();
        String beanClass = bean.getBeanClass().getName();
        if (!stream && name.isEmpty()) {
            return Optional.empty();
        }
        if (name.isEmpty()) {
            return Optional.of(
                    CdiProblem.STREAM_NOT_NAMED.definitionError("Action stream " + beanClass, "has no @StreamName"));
        }
        if (!stream) {
            return Optional.of(CdiProblem.STREAM_NOT_NAMED.definitionError(
                    beanClass, "is qualified @StreamName(\"" + name.get().value() + "\") but is no ActionStream"));
        }
        if (!ActionStream.isValidName(name.get().value())) {
            return Optional.of(CdiProblem.INVALID_STREAM_NAME.definitionError(
                    beanClass, name.get().value(), ActionStream.NAME_SYNTAX));
        }
        synchronized (classesByName) {
            classesByName
                    .computeIfAbsent(name.get().value(), n -> new ArrayList<>())
                    .add(beanClass);
        }
        return Optional.empty();
    }

    /** Reports names that several enabled beans share, and fixes the names there are. */
    void check(AfterDeploymentValidation event, BeanManager beanManager) {
        synchronized (classesByName) {
            classesByName.keySet().forEach(name -> {
                Set<Bean<?>> beans = beanManager.getBeans(ActionStream.class, StreamName.Literal.of(name));
                try {
                    beanManager.resolve(beans);
                } catch (AmbiguousResolutionException e) {
                    event.addDeploymentProblem(CdiProblem.DUPLICATE_STREAMS.deploymentProblem(
                            name,
                            beans.stream()
                                    .map(b -> b.getBeanClass().getName())
                                    .sorted()
                                    .collect(Collectors.joining(", "))));
                }
            });
            names = Collections.unmodifiableSortedSet(new TreeSet<>(classesByName.keySet()));
        }
    }

    /** The names of the streams, once the deployment was checked. */
    SortedSet<String> names() {
        return names;
    }
}
