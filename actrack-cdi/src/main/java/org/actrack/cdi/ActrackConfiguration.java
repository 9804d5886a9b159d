/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.actrack.ActrackSettings;
import org.actrack.spi.SettingsSource;

/**
 * The settings, read once at startup from MicroProfile Config under {@code actrack.} when the runtime has
 * it (the defaults otherwise), and the clock: the application's {@link Clock} bean if it has one, the
 * system clock in UTC otherwise.
 */
@ApplicationScoped
class ActrackConfiguration {

    private static final System.Logger LOGGER = System.getLogger(ActrackConfiguration.class.getName());

    @Inject
    Instance<Clock> clocks;

    private ActrackSettings settings;
    private Clock clock;

    @PostConstruct
    void read() {
        settings = readSettings();
        clock = clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
        LOGGER.log(System.Logger.Level.DEBUG, "actrack runs with {0}", settings);
    }

    /** Reads the settings from MicroProfile Config, or the defaults where the runtime has none. */
    static ActrackSettings readSettings() {
        return ActrackSettings.from(configLookup());
    }

    ActrackSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    /** The settings, for applications that want to read them. */
    @Produces
    ActrackSettings produceSettings() {
        return settings;
    }

    /** Where the settings are read from, for the settings of actrack's other modules (actrack-rest's). */
    @Produces
    SettingsSource produceSettingsSource() {
        Function<String, Optional<String>> lookup = configLookup();
        return lookup::apply;
    }

    private static Function<String, Optional<String>> configLookup() {
        try {
            Class.forName(
                    "org.eclipse.microprofile.config.ConfigProvider",
                    false,
                    ActrackConfiguration.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return key -> Optional.empty();
        }
        return MicroProfileConfig.lookup();
    }

    /** Kept apart so that nothing loads MicroProfile Config classes when the runtime lacks them. */
    private static final class MicroProfileConfig {
        static Function<String, Optional<String>> lookup() {
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            return key -> config.getOptionalValue(key, String.class);
        }
    }
}
