/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The settings actrack's engine runs with, typed and validated: one immutable object read once at startup. Each
 * setting is declared once in {@link SettingKeys} (key, default, accepted values, documentation); reading, checking
 * and {@link #toString()} derive from the declarations.
 */
public final class ActrackSettings {

    /** The default of {@link SettingKeys#ID_MAX_LENGTH}. */
    public static final int DEFAULT_ID_MAX_LENGTH = 64;

    /** The width of the id columns, the upper bound of {@link SettingKeys#ID_MAX_LENGTH}. */
    public static final int ID_COLUMN_LENGTH = 255;

    /** The shortest {@link SettingKeys#CURSOR_SECRET} accepted. */
    public static final int MIN_CURSOR_SECRET_LENGTH = 16;

    private static final ActrackSettings DEFAULTS = builder().build();

    private final Map<Setting<?>, Object> values;
    private final int defaultLevel;
    private final int readableLevel;

    private ActrackSettings(Map<Setting<?>, Object> values, int defaultLevel, int readableLevel) {
        this.values = Map.copyOf(values);
        this.defaultLevel = defaultLevel;
        this.readableLevel = readableLevel;
    }

    /**
     * The defaults of every key.
     *
     * @return the settings
     */
    public static ActrackSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every setting of {@link SettingKeys#ALL} through {@code lookup} (for example
     * {@code key -> Optional.ofNullable(properties.getProperty(key))}); absent keys keep their defaults.
     *
     * @param lookup reads a key's value, empty when unset
     * @return the settings
     * @throws ActrackException naming the key and the value when a value is invalid
     */
    public static ActrackSettings from(Function<String, Optional<String>> lookup) {
        Builder builder = builder();
        for (Setting<?> setting : SettingKeys.ALL) {
            builder.values.put(setting, setting.read(lookup));
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /**
     * {@link SettingKeys#USER_TYPE}: the entity name of the only type that may own trackers, if restricted.
     *
     * @return the user type's entity name, empty when any entity may own trackers
     */
    public Optional<String> userType() {
        return get(SettingKeys.USER_TYPE);
    }

    /**
     * {@link SettingKeys#ID_MAX_LENGTH}.
     *
     * @return the longest id accepted, in characters
     */
    public int idMaxLength() {
        return get(SettingKeys.ID_MAX_LENGTH);
    }

    /**
     * {@link SettingKeys#TRACK_UNREAD}.
     *
     * @return whether actions become unread for trackers' owners
     */
    public boolean trackUnread() {
        return get(SettingKeys.TRACK_UNREAD);
    }

    /**
     * {@link SettingKeys#AUTO_READ}.
     *
     * @return whether marking read takes effect without {@code force}
     */
    public boolean autoRead() {
        return get(SettingKeys.AUTO_READ);
    }

    /**
     * {@link SettingKeys#GROUPING_DELAY}.
     *
     * @return -1 never, 0 in the queue only, more: how many seconds back
     */
    public long groupingDelaySeconds() {
        return get(SettingKeys.GROUPING_DELAY);
    }

    /**
     * {@link SettingKeys#GROUP_BUCKET}.
     *
     * @return the seconds of a grouped page's default time bucket
     */
    public int groupBucketSeconds() {
        return get(SettingKeys.GROUP_BUCKET);
    }

    /**
     * {@return what an erased person's actions show in their place} {@link SettingKeys#ERASED_DESCRIPTION}.
     */
    public String erasedDescription() {
        return get(SettingKeys.ERASED_DESCRIPTION);
    }

    /**
     * {@link SettingKeys#HEALTH_OUTBOX_BACKLOG}.
     *
     * @return the undelivered events at which the readiness check is DOWN
     */
    public int healthOutboxBacklog() {
        return get(SettingKeys.HEALTH_OUTBOX_BACKLOG);
    }

    /**
     * {@link SettingKeys#LEVELS}, by value.
     *
     * @return the levels, lowest first
     */
    public List<Level> levels() {
        return get(SettingKeys.LEVELS);
    }

    /**
     * {@link SettingKeys#DEFAULT_LEVEL}, resolved against the levels.
     *
     * @return the level of actions logged without one
     */
    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * {@link SettingKeys#READABLE_LEVEL}, resolved against the levels.
     *
     * @return the lowest level feeds show
     */
    public int readableLevel() {
        return readableLevel;
    }

    /**
     * {@link SettingKeys#PERSISTENCE_UNIT}.
     *
     * @return the unit's name, empty for actrack's default unit
     */
    public Optional<String> persistenceUnit() {
        return get(SettingKeys.PERSISTENCE_UNIT);
    }

    /**
     * {@link SettingKeys#CURSOR_SECRET}.
     *
     * @return the secret, empty when one is generated at startup
     */
    public Optional<String> cursorSecret() {
        return get(SettingKeys.CURSOR_SECRET);
    }

    /**
     * {@link SettingKeys#NOTIFY_CHANNEL}.
     *
     * @return the channel, empty when notifications are off
     */
    public Optional<String> notifyChannel() {
        String channel = get(SettingKeys.NOTIFY_CHANNEL);
        return channel.isEmpty() ? Optional.empty() : Optional.of(channel);
    }

    /**
     * {@link SettingKeys#OUTBOX}.
     *
     * @return whether stored actions write events in {@code actrack_outbox}
     */
    public boolean outbox() {
        return get(SettingKeys.OUTBOX);
    }

    /**
     * {@link SettingKeys#OUTBOX_SOURCE}.
     *
     * @return the CloudEvents source of the outbox's events
     */
    public String outboxSource() {
        return get(SettingKeys.OUTBOX_SOURCE);
    }

    /**
     * {@link SettingKeys#OUTBOX_BATCH}.
     *
     * @return the events the outbox relay hands to an exporter at once
     */
    public int outboxBatch() {
        return get(SettingKeys.OUTBOX_BATCH);
    }

    /**
     * {@link SettingKeys#OUTBOX_MAX_ATTEMPTS}.
     *
     * @return the deliveries the relay tries before an event is dead
     */
    public int outboxMaxAttempts() {
        return get(SettingKeys.OUTBOX_MAX_ATTEMPTS);
    }

    /**
     * {@link SettingKeys#OUTBOX_INTERVAL}.
     *
     * @return milliseconds between the relay's rounds
     */
    public int outboxInterval() {
        return get(SettingKeys.OUTBOX_INTERVAL);
    }

    /**
     * The level of that name (case-insensitive).
     *
     * @param name the name
     * @return the level of that name (case-insensitive)
     * @throws ActrackException naming the level and the known ones when there is none of that name
     */
    public Level level(String name) {
        return findLevel(levels(), name)
                .orElseThrow(() -> new ActrackException(
                        ErrorCode.UNKNOWN_LEVEL,
                        "Unknown level '" + name + "'; the levels are " + levels() + " (setting " + SettingKeys.LEVELS
                                + ")"));
    }

    private static Optional<Level> findLevel(List<Level> levels, String name) {
        return levels.stream()
                .filter(level -> level.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** Every setting by key, secrets only as set or unset. */
    @Override
    public String toString() {
        return SettingKeys.ALL.stream()
                .map(setting -> setting.key().substring(SettingKeys.PREFIX.length()) + "="
                        + (setting == SettingKeys.DEFAULT_LEVEL
                                ? String.valueOf(defaultLevel)
                                : setting == SettingKeys.READABLE_LEVEL
                                        ? String.valueOf(readableLevel)
                                        : setting.describe(values.get(setting))))
                .collect(Collectors.joining(", ", "ActrackSettings[", "]"));
    }

    /** Builds {@link ActrackSettings}; every value starts at its default. */
    public static final class Builder {

        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();

        private Builder() {
            SettingKeys.ALL.forEach(setting -> values.put(setting, setting.defaultValue()));
        }

        private <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, setting.checked(value));
            return this;
        }

        /**
         * {@link SettingKeys#USER_TYPE}; {@code null} lets any entity own trackers.
         *
         * @param entityName the JPA entity name
         * @return this builder
         */
        public Builder userType(String entityName) {
            return set(SettingKeys.USER_TYPE, Optional.ofNullable(entityName));
        }

        /**
         * {@link SettingKeys#ID_MAX_LENGTH}: 1 to {@value ActrackSettings#ID_COLUMN_LENGTH}.
         *
         * @param idMaxLength the longest id accepted, at most 255
         * @return this builder
         */
        public Builder idMaxLength(int idMaxLength) {
            return set(SettingKeys.ID_MAX_LENGTH, idMaxLength);
        }

        /**
         * {@link SettingKeys#TRACK_UNREAD}.
         *
         * @param trackUnread whether actions become unread for trackers' owners
         * @return this builder
         */
        public Builder trackUnread(boolean trackUnread) {
            return set(SettingKeys.TRACK_UNREAD, trackUnread);
        }

        /**
         * {@link SettingKeys#AUTO_READ}.
         *
         * @param autoRead whether marking read takes effect without {@code force}
         * @return this builder
         */
        public Builder autoRead(boolean autoRead) {
            return set(SettingKeys.AUTO_READ, autoRead);
        }

        /**
         * {@link SettingKeys#GROUPING_DELAY}: -1, 0 or a positive number of seconds.
         *
         * @param seconds -1 never, 0 in the queue only, more: how many seconds back
         * @return this builder
         */
        public Builder groupingDelaySeconds(long seconds) {
            return set(SettingKeys.GROUPING_DELAY, seconds);
        }

        /**
         * {@link SettingKeys#ERASED_DESCRIPTION}; default "a former user".
         *
         * @param description what an erased person's actions show in their place, 1 to 255 characters
         * @return this builder
         */
        public Builder erasedDescription(String description) {
            return set(SettingKeys.ERASED_DESCRIPTION, description);
        }

        /**
         * {@link SettingKeys#GROUP_BUCKET}; default 86400.
         *
         * @param seconds the seconds of a grouped page's default time bucket, 1 to 31622400
         * @return this builder
         */
        public Builder groupBucketSeconds(int seconds) {
            return set(SettingKeys.GROUP_BUCKET, seconds);
        }

        /**
         * {@link SettingKeys#HEALTH_OUTBOX_BACKLOG}; default 10000.
         *
         * @param events the undelivered events at which the readiness check is DOWN, 1 to 1000000
         * @return this builder
         */
        public Builder healthOutboxBacklog(int events) {
            return set(SettingKeys.HEALTH_OUTBOX_BACKLOG, events);
        }

        /**
         * {@link SettingKeys#LEVELS}: replaces every level; names must be unique.
         *
         * @param levels the levels by name
         * @return this builder
         */
        public Builder levels(List<Level> levels) {
            List<Level> sorted = new ArrayList<>(SettingKeys.LEVELS.checked(List.copyOf(levels)));
            sorted.sort((a, b) -> Integer.compare(a.value(), b.value()));
            values.put(SettingKeys.LEVELS, List.copyOf(sorted));
            return this;
        }

        /**
         * {@link SettingKeys#DEFAULT_LEVEL} as a value.
         *
         * @param value the value
         * @return this builder
         */
        public Builder defaultLevel(int value) {
            return defaultLevel(String.valueOf(value));
        }

        /**
         * {@link SettingKeys#DEFAULT_LEVEL} as a value or a level name, resolved against the levels at {@link #build()}.
         *
         * @param valueOrName a level's value or name
         * @return this builder
         */
        public Builder defaultLevel(String valueOrName) {
            return set(
                    SettingKeys.DEFAULT_LEVEL,
                    Optional.of(
                            Objects.requireNonNull(valueOrName, "default level").strip()));
        }

        /**
         * {@link SettingKeys#READABLE_LEVEL} as a value.
         *
         * @param value the value
         * @return this builder
         */
        public Builder readableLevel(int value) {
            return readableLevel(String.valueOf(value));
        }

        /**
         * {@link SettingKeys#READABLE_LEVEL} as a value or a level name, resolved against the levels at {@link #build()}.
         *
         * @param valueOrName a level's value or name
         * @return this builder
         */
        public Builder readableLevel(String valueOrName) {
            return set(
                    SettingKeys.READABLE_LEVEL,
                    Optional.of(Objects.requireNonNull(valueOrName, "readable level")
                            .strip()));
        }

        /**
         * {@link SettingKeys#PERSISTENCE_UNIT}; {@code null} for actrack's default unit.
         *
         * @param persistenceUnit the unit's name
         * @return this builder
         */
        public Builder persistenceUnit(String persistenceUnit) {
            return set(SettingKeys.PERSISTENCE_UNIT, Optional.ofNullable(persistenceUnit));
        }

        /**
         * {@link SettingKeys#CURSOR_SECRET}: at least {@value ActrackSettings#MIN_CURSOR_SECRET_LENGTH} characters;
         * {@code null} to have one generated at startup.
         *
         * @param secret the secret, 16 characters or more
         * @return this builder
         */
        public Builder cursorSecret(String secret) {
            return set(SettingKeys.CURSOR_SECRET, Optional.ofNullable(secret));
        }

        /**
         * {@link SettingKeys#NOTIFY_CHANNEL}; default {@code actrack}, empty for none.
         *
         * @param channel the PostgreSQL channel, or empty
         * @return this builder
         * @throws ActrackException when it is not a letter or underscore followed by up to 62 letters, digits or
         *         underscores
         */
        public Builder notifyChannel(String channel) {
            return set(SettingKeys.NOTIFY_CHANNEL, channel);
        }

        /**
         * {@link SettingKeys#OUTBOX}; default {@code false}.
         *
         * @param outbox whether stored actions write events in {@code actrack_outbox}
         * @return this builder
         */
        public Builder outbox(boolean outbox) {
            return set(SettingKeys.OUTBOX, outbox);
        }

        /**
         * {@link SettingKeys#OUTBOX_SOURCE}; default {@code /actrack}.
         *
         * @param source a URI reference naming the application
         * @return this builder
         * @throws ActrackException when it is no URI reference, or longer than 255 characters
         */
        public Builder outboxSource(String source) {
            return set(SettingKeys.OUTBOX_SOURCE, source);
        }

        /**
         * {@link SettingKeys#OUTBOX_BATCH}; default 100.
         *
         * @param events 1 to 1000
         * @return this builder
         * @throws ActrackException when out of range
         */
        public Builder outboxBatch(int events) {
            return set(SettingKeys.OUTBOX_BATCH, events);
        }

        /**
         * {@link SettingKeys#OUTBOX_MAX_ATTEMPTS}; default 10.
         *
         * @param attempts 1 to 100
         * @return this builder
         * @throws ActrackException when out of range
         */
        public Builder outboxMaxAttempts(int attempts) {
            return set(SettingKeys.OUTBOX_MAX_ATTEMPTS, attempts);
        }

        /**
         * {@link SettingKeys#OUTBOX_INTERVAL}; default 1000.
         *
         * @param milliseconds 100 to 60000
         * @return this builder
         * @throws ActrackException when out of range
         */
        public Builder outboxInterval(int milliseconds) {
            return set(SettingKeys.OUTBOX_INTERVAL, milliseconds);
        }

        /**
         * The settings.
         *
         * @return the settings
         * @throws ActrackException when a level name is unknown
         */
        @SuppressWarnings("unchecked")
        public ActrackSettings build() {
            List<Level> levels = (List<Level>) values.get(SettingKeys.LEVELS);
            // Like django-actrack, both default to INFO of the default levels, whatever LEVELS says.
            return new ActrackSettings(
                    values,
                    resolveLevel(SettingKeys.DEFAULT_LEVEL, levels),
                    resolveLevel(SettingKeys.READABLE_LEVEL, levels));
        }

        @SuppressWarnings("unchecked")
        private int resolveLevel(Setting<Optional<String>> setting, List<Level> levels) {
            Optional<String> text = (Optional<String>) values.get(setting);
            if (text.isEmpty()) {
                return Level.INFO.value();
            }
            try {
                return Integer.parseInt(text.get());
            } catch (NumberFormatException notANumber) {
                return findLevel(levels, text.get())
                        .orElseThrow(() -> new ActrackException(
                                ErrorCode.INVALID_SETTING,
                                "Setting " + setting.key() + " has the invalid value '" + text.get()
                                        + "'; expected a number or one of" + " the levels " + levels))
                        .value();
            }
        }
    }
}
