package org.actrack;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An option of {@link ActionLog#log(Object, String, LogOption...)}: the Java form of the keyword
 * arguments of django-actrack's {@code log}. Import the factories statically:
 *
 * <pre>{@code
 * log.log(user, "arrived", targets(train), related(station), level("WARNING"), data("delay", 5));
 * }</pre>
 *
 * <p>Options of the same kind add up ({@code targets} and {@code related} collect every object given,
 * {@code data} every entry) except {@code level}, {@code at}, {@code groupingDelay} and {@code using},
 * where the last one given wins.
 */
public sealed interface LogOption {

    /**
     * Objects the action was done to: entities, or {@link Iterable}s or arrays of entities. Duplicates
     * are stored once.
     */
    static LogOption targets(Object... objects) {
        return new Targets(flatten(objects));
    }

    /** Objects the action relates to (django-activity-stream's "action object"); like {@link #targets}. */
    static LogOption related(Object... objects) {
        return new Related(flatten(objects));
    }

    /** The level by name, one of {@link SettingKeys#LEVELS}; an unknown name is an error at log time. */
    static LogOption level(String name) {
        return new LevelByName(Objects.requireNonNull(name, "level name"));
    }

    /** The smallest level value: levels are stored as small non-negative numbers, as in django-actrack. */
    int MIN_LEVEL = 0;

    /** The largest level value. */
    int MAX_LEVEL = 32767;

    /**
     * The level by value.
     *
     * @throws ActrackException ({@link ErrorCode#LEVEL_OUT_OF_RANGE}) when it is below {@value #MIN_LEVEL} or
     *         above {@value #MAX_LEVEL}
     */
    static LogOption level(int value) {
        if (value < MIN_LEVEL || value > MAX_LEVEL) {
            throw new ActrackException(ErrorCode.LEVEL_OUT_OF_RANGE,
                    "The level " + value + " is out of range; levels are " + MIN_LEVEL + " to " + MAX_LEVEL);
        }
        return new LevelValue(value);
    }

    /** The level. */
    static LogOption level(Level level) {
        return new LevelValue(level.value());
    }

    /**
     * When the action happened; by default the clock's time at log time.
     *
     * @throws ActrackException ({@link ErrorCode#NULL_TIMESTAMP}) when {@code timestamp} is {@code null}
     */
    static LogOption at(Instant timestamp) {
        if (timestamp == null) {
            throw new ActrackException(ErrorCode.NULL_TIMESTAMP,
                    "The timestamp is null; leave the option out to log at the clock's current time");
        }
        return new Timestamp(timestamp);
    }

    /**
     * One entry of the action's JSON data; the value must be writable by JSON-B and may be {@code null}.
     *
     * @throws ActrackException ({@link ErrorCode#NULL_DATA_KEY}) when {@code key} is {@code null}
     */
    static LogOption data(String key, Object value) {
        if (key == null) {
            throw new ActrackException(ErrorCode.NULL_DATA_KEY,
                    "A data entry has a null key (its value is " + value + "); every data entry needs a key");
        }
        return new Data(Map.of(key, value == null ? NullValue.INSTANCE : value));
    }

    /**
     * Entries of the action's JSON data; values must be writable by JSON-B and may be {@code null}.
     *
     * @throws ActrackException ({@link ErrorCode#NULL_DATA_KEY}) when a key is {@code null}
     */
    static LogOption data(Map<String, ?> entries) {
        Map<String, Object> copy = new LinkedHashMap<>();
        entries.forEach((key, value) -> copy.put(key, value == null ? NullValue.INSTANCE : value));
        if (copy.containsKey(null)) {
            throw new ActrackException(ErrorCode.NULL_DATA_KEY,
                    "A data entry has a null key (its value is " + copy.get(null) + "); every data entry needs a key");
        }
        return new Data(Collections.unmodifiableMap(copy));
    }

    /**
     * How far back a new action may be grouped into an earlier one by the same actor with the same
     * verb: {@link Duration#ZERO} groups only with actions not yet written in the same queue; a
     * positive duration also with stored actions that recent; {@link #noGrouping()} never groups.
     * Defaults to {@link SettingKeys#GROUPING_DELAY}.
     */
    static LogOption groupingDelay(Duration delay) {
        return new GroupingDelay(Objects.requireNonNull(delay, "grouping delay").getSeconds());
    }

    /** The grouping delay in seconds: -1 never groups, 0 groups in the queue only, more also in the database. */
    static LogOption groupingDelay(long seconds) {
        return new GroupingDelay(seconds);
    }

    /** Never group this action with another. */
    static LogOption noGrouping() {
        return new GroupingDelay(-1);
    }

    /** The persistence unit the action is written to, instead of the default one. */
    static LogOption using(String persistenceUnit) {
        return new Using(Objects.requireNonNull(persistenceUnit, "persistence unit"));
    }

    /** Objects the action was done to. @param objects entities, as given */
    record Targets(List<Object> objects) implements LogOption {
    }

    /** Objects the action relates to. @param objects entities, as given */
    record Related(List<Object> objects) implements LogOption {
    }

    /** A level by name. @param name the level's name */
    record LevelByName(String name) implements LogOption {
    }

    /** A level by value. @param value the level's value */
    record LevelValue(int value) implements LogOption {
    }

    /** The action's timestamp. @param timestamp when it happened */
    record Timestamp(Instant timestamp) implements LogOption {
    }

    /** Data entries; a JSON {@code null} is given as {@link NullValue#INSTANCE}. @param entries the entries */
    record Data(Map<String, Object> entries) implements LogOption {
    }

    /** The grouping delay. @param seconds -1, 0 or a positive number of seconds */
    record GroupingDelay(long seconds) implements LogOption {
    }

    /** The persistence unit. @param persistenceUnit its name */
    record Using(String persistenceUnit) implements LogOption {
    }

    /** Stands for a {@code null} data value, which {@link Map#of} cannot hold. */
    enum NullValue {
        /** The only value. */
        INSTANCE
    }

    private static List<Object> flatten(Object[] objects) {
        Objects.requireNonNull(objects, "objects");
        return Arrays.asList(objects.clone());
    }
}
