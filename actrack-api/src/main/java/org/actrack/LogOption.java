/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An option of {@link ActionLog#log(Object, String, LogOption...)}: the Java form of the keyword
 * arguments of django-actrack's {@code log}. Made by the factories of {@link Options}, imported statically:
 *
 * <pre>{@code
 * log.log(user, "arrived", targets(train), related(station), level("WARNING"), data("delay", 5));
 * }</pre>
 *
 * <p>The records are what the engine reads; applications use the factories.
 */
public sealed interface LogOption
        permits LogOption.Targets,
                LogOption.Related,
                LogOption.LevelByName,
                LogOption.LevelValue,
                LogOption.Timestamp,
                LogOption.Data,
                LogOption.GroupingDelay,
                LogOption.ForeignId,
                UnitOption {

    /** The smallest level value: levels are stored as small non-negative numbers, as in django-actrack. */
    int MIN_LEVEL = 0;

    /** The largest level value. */
    int MAX_LEVEL = 32767;

    /** The longest key of the application an action may carry ({@link Options#foreignId}). */
    int MAX_FOREIGN_ID_LENGTH = 80;

    /** Objects the action was done to. @param objects entities, as given */
    record Targets(List<Object> objects) implements LogOption {}

    /** Objects the action relates to. @param objects entities, as given */
    record Related(List<Object> objects) implements LogOption {}

    /** A level by name. @param name the level's name */
    record LevelByName(String name) implements LogOption {}

    /** A level by value. @param value the level's value */
    record LevelValue(int value) implements LogOption {}

    /** The action's timestamp. @param timestamp when it happened */
    record Timestamp(Instant timestamp) implements LogOption {}

    /** Data entries; a JSON {@code null} is given as {@link NullValue#INSTANCE}. @param entries the entries */
    record Data(Map<String, Object> entries) implements LogOption {}

    /** The grouping delay. @param seconds -1, 0 or a positive number of seconds */
    record GroupingDelay(long seconds) implements LogOption {}

    /** The application's own key of the action, unique among actions. @param key the key, as given */
    record ForeignId(String key) implements LogOption {}

    /** Stands for a {@code null} data value, which {@link Map#of} cannot hold. */
    enum NullValue {
        /** The only value. */
        INSTANCE
    }
}
