/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * django-actrack's merge rule, used when one action combines or groups into another: the level is the
 * maximum, targets and related objects are united (in order), and data is merged key by key (a key
 * missing in the receiving action is copied; lists get the items they lack; sets are united; maps
 * merge recursively; any other value of the receiving action is kept). Actor, verb, timestamp and
 * persistence unit are those of the receiving action.
 */
final class ActionMerge {

    private ActionMerge() {}

    static PendingAction merge(PendingAction into, PendingAction source) {
        return new PendingAction(
                into.unit(),
                into.actor(),
                into.verb(),
                Math.max(into.level(), source.level()),
                mergeData(into.data(), source.data()),
                into.timestamp(),
                union(into.targets(), source.targets()),
                union(into.related(), source.related()),
                into.groupingDelaySeconds(),
                into.foreignId());
    }

    static <T> List<T> union(List<T> first, List<T> second) {
        Set<T> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    static Map<String, Object> mergeData(Map<String, Object> into, Map<String, Object> source) {
        Map<String, Object> merged = new LinkedHashMap<>(into);
        source.forEach(
                (key, value) -> merged.put(key, merged.containsKey(key) ? mergeValue(merged.get(key), value) : value));
        return Collections.unmodifiableMap(merged);
    }

    @SuppressWarnings("unchecked")
    private static Object mergeValue(Object into, Object source) {
        if (into instanceof List<?> list) {
            List<Object> merged = new ArrayList<>(list);
            for (Object item : source instanceof Collection<?> items ? items : List.of(source)) {
                if (!merged.contains(item)) {
                    merged.add(item);
                }
            }
            return merged;
        }
        if (into instanceof Set<?> set) {
            Set<Object> merged = new LinkedHashSet<>(set);
            if (source instanceof Collection<?> items) {
                merged.addAll(items);
            } else {
                merged.add(source);
            }
            return merged;
        }
        if (into instanceof Map<?, ?> map && source instanceof Map<?, ?> sourceMap) {
            return mergeData((Map<String, Object>) map, (Map<String, Object>) sourceMap);
        }
        return into;
    }
}
