/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.Verb;

/** Finds the handler of a verb: the bean qualified {@code @Verb(verb)}, else the {@code @Default} handler. */
@ApplicationScoped
class CdiHandlers implements Function<String, ActionHandler> {

    @Inject
    @Any
    Instance<ActionHandler> handlers;

    private final Map<String, ActionHandler> byVerb = new ConcurrentHashMap<>();

    @Override
    public ActionHandler apply(String verb) {
        return byVerb.computeIfAbsent(verb, v -> {
            Instance<ActionHandler> handler = handlers.select(Verb.Literal.of(v));
            return handler.isResolvable()
                    ? handler.get()
                    : handlers.select(Default.Literal.INSTANCE).get();
        });
    }
}
