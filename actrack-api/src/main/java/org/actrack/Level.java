/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;
import java.util.Objects;

/**
 * A named importance of an action. Levels are plain integers; the names are configured with
 * {@link SettingKeys#LEVELS}. Actions below the {@linkplain SettingKeys#READABLE_LEVEL readable
 * level} never appear in feeds.
 *
 * @param name the level's name, as used in {@link Options#level(String)} and the settings
 * @param value the level's value; higher is more important
 */
public record Level(String name, int value) {

    /** Level 0: nothing worth showing. */
    public static final Level NULL = new Level("NULL", 0);
    /** Level 10: for developers. */
    public static final Level DEBUG = new Level("DEBUG", 10);
    /** Level 20: recorded, never shown in feeds by default. */
    public static final Level HIDDEN = new Level("HIDDEN", 20);
    /** Level 30: the default level, and the default readable level. */
    public static final Level INFO = new Level("INFO", 30);
    /** Level 40. */
    public static final Level WARNING = new Level("WARNING", 40);
    /** Level 50. */
    public static final Level ERROR = new Level("ERROR", 50);

    /** The six levels used unless {@link SettingKeys#LEVELS} replaces them. */
    public static final List<Level> DEFAULTS = List.of(NULL, DEBUG, HIDDEN, INFO, WARNING, ERROR);

    /**
     * Checks that the name is given and not blank.
     *
     * @param name the level's name, as used in {@link Options#level(String)} and the settings
     * @param value the level's value; higher is more important
     */
    public Level {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A level name must not be blank");
        }
    }

    @Override
    public String toString() {
        return name + "(" + value + ")";
    }
}
