/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
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
 * The options of actrack's calls, in one place so that one static import brings them all and no two clash:
 *
 * <pre>{@code
 * import static org.actrack.Options.*;
 *
 * log.log(driver, "arrived", targets(train), related(station), level("WARNING"), data("delay", 5));
 * log.track(alice, train, verbs("departed", "arrived"), actorOnly(false));
 * log.log(driver, "archived", targets(train), using("archive"));   // using(…) is both a log and a track option
 * }</pre>
 *
 * <p>The {@link LogOption}s ({@link #targets}, {@link #related}, {@link #level(String)}, {@link #at},
 * {@link #data(String, Object)}, {@link #groupingDelay(Duration)}, {@link #noGrouping()}) are taken by
 * {@link ActionLog#log}, {@link LogRequest#of} and their kin; options of the same kind add up ({@code targets}
 * and {@code related} collect every object given, {@code data} every entry) except {@code level},
 * {@code at}, {@code groupingDelay} and {@code using}, where the last one given wins. The
 * {@link TrackOption}s ({@link #verbs}, {@link #actorOnly}, {@link #log(boolean)}, {@link #since}) are taken by
 * {@link ActionLog#track}, {@link ActionLog#untrack} and {@link ActionLog#temporaryTracker}. {@link #using}
 * is both.
 */
public final class Options {

    private Options() {}

    // Log options

    /**
     * Objects the action was done to: entities, or {@link Iterable}s or arrays of entities. Duplicates
     * are stored once.
     *
     * @param objects entities, or {@link Iterable}s or arrays of entities
     * @return the option
     */
    public static LogOption targets(Object... objects) {
        return new LogOption.Targets(flatten(objects));
    }

    /**
     * Objects the action relates to (django-activity-stream's "action object"); like {@link #targets}.
     *
     * @param objects entities, or {@link Iterable}s or arrays of entities
     * @return the option
     */
    public static LogOption related(Object... objects) {
        return new LogOption.Related(flatten(objects));
    }

    /**
     * The level by name, one of {@link SettingKeys#LEVELS}; an unknown name is an error at log time.
     *
     * @param name the name
     * @return the option
     */
    public static LogOption level(String name) {
        return new LogOption.LevelByName(Objects.requireNonNull(name, "level name"));
    }

    /**
     * The level by value.
     *
     * @param value the value
     * @return the option
     * @throws ActrackException ({@link ErrorCode#LEVEL_OUT_OF_RANGE}) when it is below {@value LogOption#MIN_LEVEL} or
     *         above {@value LogOption#MAX_LEVEL}
     */
    public static LogOption level(int value) {
        if (value < LogOption.MIN_LEVEL || value > LogOption.MAX_LEVEL) {
            throw new ActrackException(
                    ErrorCode.LEVEL_OUT_OF_RANGE,
                    "The level " + value + " is out of range; levels are " + LogOption.MIN_LEVEL + " to "
                            + LogOption.MAX_LEVEL);
        }
        return new LogOption.LevelValue(value);
    }

    /**
     * The level.
     *
     * @param level the level
     * @return the option
     */
    public static LogOption level(Level level) {
        return new LogOption.LevelValue(level.value());
    }

    /**
     * When the action happened; by default the clock's time at log time.
     *
     * @param timestamp when it happened
     * @return the option
     * @throws ActrackException ({@link ErrorCode#NULL_TIMESTAMP}) when {@code timestamp} is {@code null}
     */
    public static LogOption at(Instant timestamp) {
        if (timestamp == null) {
            throw new ActrackException(
                    ErrorCode.NULL_TIMESTAMP,
                    "The timestamp is null; leave the option out to log at the clock's current time");
        }
        return new LogOption.Timestamp(timestamp);
    }

    /**
     * One entry of the action's JSON data; the value must be writable by JSON-B and may be {@code null}.
     *
     * @param key the key
     * @param value the value
     * @return the option
     * @throws ActrackException ({@link ErrorCode#NULL_DATA_KEY}) when {@code key} is {@code null}
     */
    public static LogOption data(String key, Object value) {
        if (key == null) {
            throw new ActrackException(
                    ErrorCode.NULL_DATA_KEY,
                    "A data entry has a null key (its value is " + value + "); every data entry needs a key");
        }
        return new LogOption.Data(Map.of(key, value == null ? LogOption.NullValue.INSTANCE : value));
    }

    /**
     * Entries of the action's JSON data; values must be writable by JSON-B and may be {@code null}.
     *
     * @param entries the entries, by key
     * @return the option
     * @throws ActrackException ({@link ErrorCode#NULL_DATA_KEY}) when a key is {@code null}
     */
    public static LogOption data(Map<String, ?> entries) {
        Map<String, Object> copy = new LinkedHashMap<>();
        entries.forEach((key, value) -> copy.put(key, value == null ? LogOption.NullValue.INSTANCE : value));
        if (copy.containsKey(null)) {
            throw new ActrackException(
                    ErrorCode.NULL_DATA_KEY,
                    "A data entry has a null key (its value is " + copy.get(null) + "); every data entry needs a key");
        }
        return new LogOption.Data(Collections.unmodifiableMap(copy));
    }

    /**
     * How far back a new action may be grouped into an earlier one by the same actor with the same
     * verb: {@link Duration#ZERO} groups only with actions not yet written in the same queue; a
     * positive duration also with stored actions that recent; {@link #noGrouping()} never groups.
     * Defaults to {@link SettingKeys#GROUPING_DELAY}.
     *
     * @param delay the grouping delay
     * @return the option
     */
    public static LogOption groupingDelay(Duration delay) {
        return new LogOption.GroupingDelay(
                Objects.requireNonNull(delay, "grouping delay").getSeconds());
    }

    /**
     * The grouping delay in seconds: -1 never groups, 0 groups in the queue only, more also in the database.
     *
     * @param seconds -1 never, 0 in the queue only, more: how many seconds back
     * @return the option
     */
    public static LogOption groupingDelay(long seconds) {
        return new LogOption.GroupingDelay(seconds);
    }

    /**
     * Never group this action with another.
     *
     * @return the option
     */
    public static LogOption noGrouping() {
        return new LogOption.GroupingDelay(-1);
    }

    /**
     * The application's own key of the action, unique among actions: logging an action with a key already stored, or
     * already logged in the same transaction, writes nothing (no rows, no unread marks, no outbox event, no
     * {@link ActionStored}), so that a retried request or a redelivered message logs its action once. Also when two
     * transactions log the same key at once: one stores it, the other writes nothing and commits as it would have.
     * {@link ActionLog#actionByForeignId} finds the stored action. An action with a key neither combines nor groups with
     * another: it is stored as logged.
     *
     * <pre>{@code
     * log.log(customer, "paid", targets(order), foreignId("payment-" + payment.getId()));
     * }</pre>
     *
     * @param key 1 to {@value LogOption#MAX_FOREIGN_ID_LENGTH} characters, not blank, without control characters;
     *     otherwise the call fails with {@link ErrorCode#INVALID_FOREIGN_ID} before anything is written
     * @return the option
     */
    public static LogOption foreignId(String key) {
        return new LogOption.ForeignId(key);
    }

    // Track options

    /**
     * The verbs tracked (or, for {@code untrack}, no longer tracked). None means every verb. Verbs
     * must not be blank.
     *
     * @param verbs the verbs
     * @return the option
     */
    public static TrackOption verbs(String... verbs) {
        return new TrackOption.Verbs(List.of(verbs));
    }

    /**
     * Whether the tracker matches only actions in which the tracked object is the actor ({@code true},
     * the default for new trackers), or also those in which it is a target or related object.
     * Not accepted by {@code untrack}.
     *
     * @param actorOnly whether only actions in which the tracked object is the actor match
     * @return the option
     */
    public static TrackOption actorOnly(boolean actorOnly) {
        return new TrackOption.ActorOnly(actorOnly);
    }

    /**
     * Whether to log {@value ActionLog#STARTED_TRACKING} or {@value ActionLog#STOPPED_TRACKING}; off by default.
     *
     * @param log whether to log the change
     * @return the option
     */
    public static TrackOption log(boolean log) {
        return new TrackOption.LogChange(log);
    }

    /**
     * When the tracker starts: for trackers created by {@code track} and for temporary trackers;
     * by default the clock's time. Not accepted by {@code untrack}.
     *
     * @param since the first instant included
     * @return the option
     */
    public static TrackOption since(Instant since) {
        return new TrackOption.Since(Objects.requireNonNull(since, "since"));
    }

    /**
     * The tracker's flag, as django-activity-stream's {@code Follow.flag} ({@code "liking"}, {@code "watching"}…):
     * a user has one tracker per object and flag, so following with a flag neither changes nor needs the tracker
     * without one. {@code track} creates or changes the tracker of this flag, {@code untrack} removes or narrows it
     * and leaves the others. Without this option a call is about the tracker without a flag. A flag is 1 to
     * {@value Tracker#FLAG_MAX_LENGTH} characters, not blank.
     *
     * @param flag the flag
     * @return the option
     */
    public static TrackOption flag(String flag) {
        return new TrackOption.Flag(flag);
    }

    // Both

    /**
     * The persistence unit to write to or read from, instead of the default one (see
     * {@link org.actrack.ActrackPersistence}); both a log and a track option.
     *
     * @param persistenceUnit the unit's name
     * @return the option
     */
    public static UnitOption using(String persistenceUnit) {
        return new UnitOption(Objects.requireNonNull(persistenceUnit, "persistence unit"));
    }

    private static List<Object> flatten(Object[] objects) {
        Objects.requireNonNull(objects, "objects");
        return Arrays.asList(objects.clone());
    }
}
