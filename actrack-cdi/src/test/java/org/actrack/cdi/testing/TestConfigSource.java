/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** A MicroProfile Config source the tests fill before they boot a container. */
public final class TestConfigSource implements ConfigSource {

    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    /** Sets the values seen by containers booted from now on, replacing earlier ones. */
    public static void set(Map<String, String> values) {
        VALUES.clear();
        VALUES.putAll(values);
    }

    public static void clear() {
        VALUES.clear();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.copyOf(VALUES.keySet());
    }

    @Override
    public String getValue(String key) {
        return VALUES.get(key);
    }

    @Override
    public String getName() {
        return "actrack-test";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
