/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.actrack.spi.SettingsSource;

/** actrack-rest's settings ({@link RestSettings}), read once when the application starts, from where actrack-cdi reads the engine's. */
@ApplicationScoped
class RestConfiguration {

    private static final System.Logger LOGGER = System.getLogger(RestConfiguration.class.getName());

    @Inject
    SettingsSource source;

    private RestSettings settings;

    @PostConstruct
    void read() {
        settings = RestSettings.from(source::value);
        LOGGER.log(System.Logger.Level.DEBUG, "actrack-rest runs with {0}", settings);
    }

    /** Reads the settings when the application starts, so that a value not accepted stops the start, as the engine's do. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings();
    }

    RestSettings settings() {
        return settings;
    }
}
