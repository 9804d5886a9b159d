/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.inject.spi.DefinitionException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actrack.Actionable;
import org.actrack.LogOption;
import org.actrack.Options;

/**
 * What an {@link Actionable} method logs, worked out once at deployment from its annotations: the verb,
 * the level, and which parameters (and whether the return value) are the actor, targets, related
 * objects and data.
 *
 * @param verb the verb
 * @param level the level's name, or empty
 * @param actorIndex the actor parameter's index, or -1 when the current actor is used
 * @param targetIndexes the target parameters' indexes
 * @param relatedIndexes the related parameters' indexes
 * @param dataIndexes the data parameters' indexes by key
 * @param returnValueIsTarget whether the return value is a target
 */
record ActionableMethod(
        String verb,
        String level,
        int actorIndex,
        List<Integer> targetIndexes,
        List<Integer> relatedIndexes,
        Map<String, Integer> dataIndexes,
        boolean returnValueIsTarget) {

    /**
     * Reads and checks the annotations of {@code method}, with {@code binding} from the method or its class.
     *
     * @throws DefinitionException naming the method: a blank verb, two actor parameters, a blank data key, or
     *         {@code returnValueIsTarget} on a method that returns nothing
     */
    static ActionableMethod checked(Method method, Actionable binding) {
        String name = nameOf(method);
        if (binding.value().isBlank()) {
            throw CdiProblem.BLANK_VERB.definitionError(name);
        }
        long actors = java.util.Arrays.stream(method.getParameters())
                .filter(p -> p.isAnnotationPresent(Actionable.Actor.class))
                .count();
        if (actors > 1) {
            throw CdiProblem.SEVERAL_ACTORS.definitionError(name, actors);
        }
        ActionableMethod metadata = of(method, binding);
        if (metadata.dataIndexes().keySet().stream().anyMatch(String::isBlank)) {
            throw CdiProblem.BLANK_DATA_KEY.definitionError(name);
        }
        if (metadata.returnValueIsTarget() && method.getReturnType() == void.class) {
            throw CdiProblem.VOID_RETURN_TARGET.definitionError(name);
        }
        return metadata;
    }

    /** How errors name {@code method}: its declaring class and its name. */
    static String nameOf(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }

    /** Reads the annotations of {@code method}, with {@code binding} from the method or its class. */
    static ActionableMethod of(Method method, Actionable binding) {
        int actor = -1;
        List<Integer> targets = new ArrayList<>();
        List<Integer> related = new ArrayList<>();
        Map<String, Integer> data = new LinkedHashMap<>();
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].isAnnotationPresent(Actionable.Actor.class)) {
                actor = i;
            }
            if (parameters[i].isAnnotationPresent(Actionable.Target.class)) {
                targets.add(i);
            }
            if (parameters[i].isAnnotationPresent(Actionable.Related.class)) {
                related.add(i);
            }
            Actionable.Data key = parameters[i].getAnnotation(Actionable.Data.class);
            if (key != null) {
                data.put(key.value(), i);
            }
        }
        return new ActionableMethod(
                binding.value(),
                binding.level(),
                actor,
                List.copyOf(targets),
                List.copyOf(related),
                Map.copyOf(data),
                binding.returnValueIsTarget());
    }

    /** The options of the action logged by a call with these arguments returning {@code result}. */
    LogOption[] options(Object[] arguments, Object result) {
        List<LogOption> options = new ArrayList<>();
        List<Object> targets = new ArrayList<>();
        targetIndexes.forEach(i -> targets.add(arguments[i]));
        if (returnValueIsTarget) {
            targets.add(result);
        }
        // A null argument (or return value) means "none" here, not a mistake: an optional parameter.
        options.add(Options.targets(
                targets.stream().filter(java.util.Objects::nonNull).toArray()));
        options.add(Options.related(relatedIndexes.stream()
                .map(i -> arguments[i])
                .filter(java.util.Objects::nonNull)
                .toArray()));
        dataIndexes.forEach((key, i) -> options.add(Options.data(key, arguments[i])));
        if (!level.isEmpty()) {
            options.add(Options.level(level));
        }
        return options.toArray(LogOption[]::new);
    }
}
