/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import java.util.ArrayList;
import java.util.List;

/** Flattens what users pass as "objects": single objects, {@link Iterable}s and arrays, nested. */
public final class ObjectLists {

    private ObjectLists() {}

    public static List<Object> flatten(Object objects) {
        List<Object> flat = new ArrayList<>();
        addTo(flat, objects);
        return flat;
    }

    private static void addTo(List<Object> flat, Object object) {
        if (object instanceof Iterable<?> iterable) {
            iterable.forEach(element -> addTo(flat, element));
        } else if (object instanceof Object[] array) {
            for (Object element : array) {
                addTo(flat, element);
            }
        } else {
            flat.add(object);
        }
    }
}
