/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import java.math.BigInteger;
import java.util.Set;
import java.util.UUID;

/** The id types actrack can store as text and read back, and the two conversions. */
public final class EntityIds {

    private static final Set<Class<?>> SUPPORTED = Set.of(
            String.class,
            Long.class,
            long.class,
            Integer.class,
            int.class,
            Short.class,
            short.class,
            BigInteger.class,
            UUID.class);

    private EntityIds() {}

    public static boolean isSupported(Class<?> idType) {
        return SUPPORTED.contains(idType);
    }

    public static String toText(Object id) {
        return id.toString();
    }

    public static Object fromText(Class<?> idType, String text) {
        if (idType == String.class) {
            return text;
        } else if (idType == Long.class || idType == long.class) {
            return Long.valueOf(text);
        } else if (idType == Integer.class || idType == int.class) {
            return Integer.valueOf(text);
        } else if (idType == Short.class || idType == short.class) {
            return Short.valueOf(text);
        } else if (idType == BigInteger.class) {
            return new BigInteger(text);
        } else if (idType == UUID.class) {
            return UUID.fromString(text);
        }
        throw new IllegalArgumentException("Unsupported id type " + idType);
    }
}
