/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.util.Optional;

/**
 * Where actrack's modules read their settings from, once at startup: actrack-cdi provides this bean, which reads
 * MicroProfile Config when the runtime has it and has no values otherwise; the engine's settings
 * ({@link org.actrack.SettingKeys}) and actrack-rest's are read from the same source.
 */
@FunctionalInterface
public interface SettingsSource {

    /**
     * The value of a key.
     *
     * @param key a key such as {@code actrack.user-type}
     * @return its value, empty when it is not set
     */
    Optional<String> value(String key);
}
