package org.actrack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings actrack runs with, typed and validated: one immutable object read once at startup.
 * The keys and their defaults are in {@link SettingKeys}.
 */
public final class ActrackSettings {

    /** The default of {@link SettingKeys#ID_MAX_LENGTH}. */
    public static final int DEFAULT_ID_MAX_LENGTH = 64;

    /** The width of the id columns, the upper bound of {@link SettingKeys#ID_MAX_LENGTH}. */
    public static final int ID_COLUMN_LENGTH = 255;

    /** The shortest {@link SettingKeys#CURSOR_SECRET} accepted. */
    public static final int MIN_CURSOR_SECRET_LENGTH = 16;

    private static final ActrackSettings DEFAULTS = builder().build();

    private final String userType;
    private final int idMaxLength;
    private final boolean trackUnread;
    private final boolean autoRead;
    private final long groupingDelaySeconds;
    private final List<Level> levels;
    private final int defaultLevel;
    private final int readableLevel;
    private final String persistenceUnit;
    private final String cursorSecret;
    private final boolean restEnabled;
    private final String restUserAttribute;
    private final boolean restOpenStreams;
    private final int restMaxLiveFeeds;
    private final int restHeartbeatSeconds;
    private final int restPollSeconds;
    private final String notifyChannel;
    private final List<String> restAllowedOrigins;
    private final String restChallenge;
    private final String restListenUrl;

    private ActrackSettings(Builder builder, int defaultLevel, int readableLevel) {
        this.userType = builder.userType;
        this.idMaxLength = builder.idMaxLength;
        this.trackUnread = builder.trackUnread;
        this.autoRead = builder.autoRead;
        this.groupingDelaySeconds = builder.groupingDelaySeconds;
        this.levels = List.copyOf(builder.levels);
        this.defaultLevel = defaultLevel;
        this.readableLevel = readableLevel;
        this.persistenceUnit = builder.persistenceUnit;
        this.cursorSecret = builder.cursorSecret;
        this.restEnabled = builder.restEnabled;
        this.restUserAttribute = builder.restUserAttribute;
        this.restOpenStreams = builder.restOpenStreams;
        this.restMaxLiveFeeds = builder.restMaxLiveFeeds;
        this.restHeartbeatSeconds = builder.restHeartbeatSeconds;
        this.restPollSeconds = builder.restPollSeconds;
        this.notifyChannel = builder.notifyChannel;
        this.restAllowedOrigins = List.copyOf(builder.restAllowedOrigins);
        this.restChallenge = builder.restChallenge;
        this.restListenUrl = builder.restListenUrl;
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
     * Reads every key of {@link SettingKeys} through {@code lookup} (for example
     * {@code key -> Optional.ofNullable(properties.getProperty(key))}); absent keys keep their defaults.
     *
     * @param lookup reads a key's value, empty when unset
     * @return the settings
     * @throws ActrackException naming the key and the value when a value is invalid
     */
    public static ActrackSettings from(Function<String, Optional<String>> lookup) {
        Builder builder = builder();
        lookup.apply(SettingKeys.USER_TYPE).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(builder::userType);
        lookup.apply(SettingKeys.ID_MAX_LENGTH).ifPresent(v -> builder.idMaxLength(parseInt(SettingKeys.ID_MAX_LENGTH, v)));
        lookup.apply(SettingKeys.TRACK_UNREAD).ifPresent(v -> builder.trackUnread(parseBoolean(SettingKeys.TRACK_UNREAD, v)));
        lookup.apply(SettingKeys.AUTO_READ).ifPresent(v -> builder.autoRead(parseBoolean(SettingKeys.AUTO_READ, v)));
        lookup.apply(SettingKeys.GROUPING_DELAY)
                .ifPresent(v -> builder.groupingDelaySeconds(parseInt(SettingKeys.GROUPING_DELAY, v)));
        lookup.apply(SettingKeys.LEVELS).ifPresent(v -> builder.levels(parseLevels(v)));
        lookup.apply(SettingKeys.DEFAULT_LEVEL).ifPresent(v -> builder.defaultLevel(v.strip()));
        lookup.apply(SettingKeys.READABLE_LEVEL).ifPresent(v -> builder.readableLevel(v.strip()));
        lookup.apply(SettingKeys.PERSISTENCE_UNIT).map(String::strip).filter(s -> !s.isEmpty())
                .ifPresent(builder::persistenceUnit);
        lookup.apply(SettingKeys.CURSOR_SECRET).filter(s -> !s.isEmpty()).ifPresent(builder::cursorSecret);
        lookup.apply(SettingKeys.REST_ENABLED).ifPresent(v -> builder.restEnabled(parseBoolean(SettingKeys.REST_ENABLED, v)));
        lookup.apply(SettingKeys.REST_USER_ATTRIBUTE).map(String::strip).ifPresent(builder::restUserAttribute);
        lookup.apply(SettingKeys.REST_OPEN_STREAMS)
                .ifPresent(v -> builder.restOpenStreams(parseBoolean(SettingKeys.REST_OPEN_STREAMS, v)));
        lookup.apply(SettingKeys.REST_MAX_LIVE_FEEDS)
                .ifPresent(v -> builder.restMaxLiveFeeds(parseInt(SettingKeys.REST_MAX_LIVE_FEEDS, v)));
        lookup.apply(SettingKeys.REST_HEARTBEAT_SECONDS)
                .ifPresent(v -> builder.restHeartbeatSeconds(parseInt(SettingKeys.REST_HEARTBEAT_SECONDS, v)));
        lookup.apply(SettingKeys.REST_POLL_SECONDS).ifPresent(v -> builder.restPollSeconds(parseInt(SettingKeys.REST_POLL_SECONDS, v)));
        lookup.apply(SettingKeys.NOTIFY_CHANNEL).map(String::strip).ifPresent(builder::notifyChannel);
        lookup.apply(SettingKeys.REST_ALLOWED_ORIGINS).ifPresent(v -> builder.restAllowedOrigins(
                java.util.Arrays.stream(v.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList()));
        lookup.apply(SettingKeys.REST_CHALLENGE).map(String::strip).ifPresent(builder::restChallenge);
        lookup.apply(SettingKeys.REST_LISTEN_URL).map(String::strip).ifPresent(builder::restListenUrl);
        return builder.build();
    }

    /**
     * {@link SettingKeys#USER_TYPE}: the entity name of the only type that may own trackers, if restricted.
     *
     * @return the user type's entity name, empty when any entity may own trackers
     */
    public Optional<String> userType() {
        return Optional.ofNullable(userType);
    }

    /**
     * {@link SettingKeys#ID_MAX_LENGTH}.
     *
     * @return the longest id accepted
     */
    public int idMaxLength() {
        return idMaxLength;
    }

    /**
     * {@link SettingKeys#TRACK_UNREAD}.
     *
     * @return whether unread state is kept
     */
    public boolean trackUnread() {
        return trackUnread;
    }

    /**
     * {@link SettingKeys#AUTO_READ}.
     *
     * @return whether marking read takes effect without {@code force}
     */
    public boolean autoRead() {
        return autoRead;
    }

    /**
     * {@link SettingKeys#GROUPING_DELAY}, in seconds: -1, 0 or more.
     *
     * @return the grouping delay in seconds
     */
    public long groupingDelaySeconds() {
        return groupingDelaySeconds;
    }

    /**
     * {@link SettingKeys#LEVELS}, in ascending value order.
     *
     * @return the levels, ascending
     */
    public List<Level> levels() {
        return levels;
    }

    /**
     * {@link SettingKeys#DEFAULT_LEVEL}.
     *
     * @return the default level's value
     */
    public int defaultLevel() {
        return defaultLevel;
    }

    /**
     * {@link SettingKeys#READABLE_LEVEL}.
     *
     * @return the readable level's value
     */
    public int readableLevel() {
        return readableLevel;
    }

    /**
     * {@link SettingKeys#PERSISTENCE_UNIT}, if set.
     *
     * @return the default persistence unit, empty for the only one
     */
    public Optional<String> persistenceUnit() {
        return Optional.ofNullable(persistenceUnit);
    }

    /**
     * {@link SettingKeys#CURSOR_SECRET}, if set; absent, the engine generates one at startup.
     *
     * @return the cursor secret, empty when the engine generates one
     */
    public Optional<String> cursorSecret() {
        return Optional.ofNullable(cursorSecret);
    }

    /**
     * {@link SettingKeys#REST_ENABLED}: whether actrack-rest's resources answer.
     *
     * @return whether actrack-rest's resources answer
     */
    public boolean restEnabled() {
        return restEnabled;
    }

    /**
     * {@link SettingKeys#REST_USER_ATTRIBUTE}: the attribute of the user entity that equals the caller's principal name.
     *
     * @return the attribute's name, or a path such as {@code account.login}
     */
    public String restUserAttribute() {
        return restUserAttribute;
    }

    /**
     * {@link SettingKeys#REST_OPEN_STREAMS}: whether object and type streams are served without a visibility bean.
     *
     * @return whether every authenticated user may read every connected object's stream
     */
    public boolean restOpenStreams() {
        return restOpenStreams;
    }

    /**
     * {@link SettingKeys#REST_MAX_LIVE_FEEDS}: the live feeds one user may hold open on one node.
     *
     * @return the limit, at least 1
     */
    public int restMaxLiveFeeds() {
        return restMaxLiveFeeds;
    }

    /**
     * {@link SettingKeys#REST_HEARTBEAT_SECONDS}: seconds between heartbeats on an idle live feed.
     *
     * @return the interval, at least 1
     */
    public int restHeartbeatSeconds() {
        return restHeartbeatSeconds;
    }

    /**
     * {@link SettingKeys#REST_POLL_SECONDS}: seconds between reads of the live feeds, for other nodes' actions.
     *
     * @return the interval; 0 when live feeds learn of this node's actions only
     */
    public int restPollSeconds() {
        return restPollSeconds;
    }

    /**
     * {@link SettingKeys#NOTIFY_CHANNEL}: the PostgreSQL channel notified by every transaction that stores actions or
     * changes trackers.
     *
     * @return the channel, empty when notifications are off
     */
    public Optional<String> notifyChannel() {
        return notifyChannel.isEmpty() ? Optional.empty() : Optional.of(notifyChannel);
    }

    /**
     * {@link SettingKeys#REST_ALLOWED_ORIGINS}: the origins besides the application's own that may change state.
     *
     * @return the origins, as {@code scheme://host[:port]} in lower case, without a default port
     */
    public List<String> restAllowedOrigins() {
        return restAllowedOrigins;
    }

    /**
     * {@link SettingKeys#REST_CHALLENGE}: the {@code WWW-Authenticate} challenge of a 401.
     *
     * @return the challenge
     */
    public String restChallenge() {
        return restChallenge;
    }

    /**
     * {@link SettingKeys#REST_LISTEN_URL}: the JDBC URL of the node's listening connection on PostgreSQL.
     *
     * @return the URL, empty to use the database actrack writes to
     */
    public Optional<String> restListenUrl() {
        return restListenUrl.isEmpty() ? Optional.empty() : Optional.of(restListenUrl);
    }

    /**
     * The level of that name (case-insensitive).
     *
     * @param name the name
     * @return the level of that name (case-insensitive)
     * @throws ActrackException naming the level and the known ones when there is none of that name
     */
    public Level level(String name) {
        return findLevel(levels, name).orElseThrow(() -> new ActrackException(ErrorCode.UNKNOWN_LEVEL,
                "Unknown level '" + name + "'; the levels are " + levels + " (setting " + SettingKeys.LEVELS + ")"));
    }

    private static Optional<Level> findLevel(List<Level> levels, String name) {
        return levels.stream().filter(level -> level.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    @Override
    public String toString() {
        return "ActrackSettings[userType=" + userType + ", idMaxLength=" + idMaxLength + ", trackUnread=" + trackUnread
                + ", autoRead=" + autoRead + ", groupingDelay=" + groupingDelaySeconds + "s, levels=" + levels
                + ", defaultLevel=" + defaultLevel + ", readableLevel=" + readableLevel + ", persistenceUnit="
                + persistenceUnit + ", cursorSecret=" + (cursorSecret == null ? "generated" : "set") + ", restEnabled=" + restEnabled
                + ", restUserAttribute=" + restUserAttribute + ", restOpenStreams=" + restOpenStreams + ", restMaxLiveFeeds="
                + restMaxLiveFeeds + ", restHeartbeat=" + restHeartbeatSeconds + "s, restPoll=" + restPollSeconds + "s, notifyChannel=" + notifyChannel
                + ", restAllowedOrigins=" + restAllowedOrigins + ", restChallenge=" + restChallenge + ", restListenUrl="
                + (restListenUrl.isEmpty() ? "derived" : "set") + "]";
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number");
        }
    }

    private static boolean parseBoolean(String key, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    private static List<Level> parseLevels(String value) {
        List<Level> levels = new ArrayList<>();
        for (String pair : value.split(",")) {
            String[] nameAndValue = pair.split("=");
            if (nameAndValue.length != 2 || nameAndValue[0].isBlank()) {
                throw invalid(SettingKeys.LEVELS, value, "NAME=value pairs separated by commas");
            }
            levels.add(new Level(nameAndValue[0].strip(), parseInt(SettingKeys.LEVELS, nameAndValue[1])));
        }
        return levels;
    }

    /**
     * An origin as browsers send it ({@code scheme://host[:port]}, lower case, without the scheme's default port), or
     * empty when the text is no http or https origin.
     *
     * @param text the origin's text
     * @return the origin, normalized
     */
    public static Optional<String> normalizedOrigin(String text) {
        try {
            java.net.URI uri = new java.net.URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static ActrackException invalid(String key, Object value, String expected) {
        return new ActrackException(ErrorCode.INVALID_SETTING,
                "Setting " + key + " has the invalid value '" + value + "'; expected " + expected);
    }

    /** Builds {@link ActrackSettings}; every value starts at its default. */
    public static final class Builder {
        private String userType;
        private int idMaxLength = DEFAULT_ID_MAX_LENGTH;
        private boolean trackUnread = true;
        private boolean autoRead = true;
        private long groupingDelaySeconds;
        private List<Level> levels = Level.DEFAULTS;
        private Integer defaultLevel;
        private String defaultLevelText;
        private Integer readableLevel;
        private String readableLevelText;
        private String persistenceUnit;
        private String cursorSecret;
        private boolean restEnabled = true;
        private String restUserAttribute = "name";
        private boolean restOpenStreams;
        private int restMaxLiveFeeds = 5;
        private int restHeartbeatSeconds = 20;
        private int restPollSeconds = 2;
        private String notifyChannel = "actrack";
        private List<String> restAllowedOrigins = List.of();
        private String restChallenge = "Session realm=\"actrack\"";
        private String restListenUrl = "";

        private Builder() {
        }

        /**
         * {@link SettingKeys#USER_TYPE}; {@code null} lets any entity own trackers.
         *
         * @param entityName the JPA entity name
         * @return this builder
         */
        public Builder userType(String entityName) {
            this.userType = entityName;
            return this;
        }

        /**
         * {@link SettingKeys#ID_MAX_LENGTH}: 1 to {@value ActrackSettings#ID_COLUMN_LENGTH}.
         *
         * @param idMaxLength the longest id accepted, at most 255
         * @return this builder
         */
        public Builder idMaxLength(int idMaxLength) {
            if (idMaxLength < 1 || idMaxLength > ID_COLUMN_LENGTH) {
                throw invalid(SettingKeys.ID_MAX_LENGTH, idMaxLength, "1 to " + ID_COLUMN_LENGTH);
            }
            this.idMaxLength = idMaxLength;
            return this;
        }

        /**
         * {@link SettingKeys#TRACK_UNREAD}.
         *
         * @param trackUnread whether actions become unread for trackers' owners
         * @return this builder
         */
        public Builder trackUnread(boolean trackUnread) {
            this.trackUnread = trackUnread;
            return this;
        }

        /**
         * {@link SettingKeys#AUTO_READ}.
         *
         * @param autoRead whether marking read takes effect without {@code force}
         * @return this builder
         */
        public Builder autoRead(boolean autoRead) {
            this.autoRead = autoRead;
            return this;
        }

        /**
         * {@link SettingKeys#GROUPING_DELAY}: -1, 0 or a positive number of seconds.
         *
         * @param seconds -1 never, 0 in the queue only, more: how many seconds back
         * @return this builder
         */
        public Builder groupingDelaySeconds(long seconds) {
            if (seconds < -1) {
                throw invalid(SettingKeys.GROUPING_DELAY, seconds, "-1 (never group), 0 or a positive number of seconds");
            }
            this.groupingDelaySeconds = seconds;
            return this;
        }

        /**
         * {@link SettingKeys#LEVELS}: replaces every level; names must be unique.
         *
         * @param levels the levels by name
         * @return this builder
         */
        public Builder levels(List<Level> levels) {
            if (levels.isEmpty()) {
                throw invalid(SettingKeys.LEVELS, levels, "at least one level");
            }
            Set<String> names = new HashSet<>();
            for (Level level : levels) {
                if (!names.add(level.name().toUpperCase(Locale.ROOT))) {
                    throw invalid(SettingKeys.LEVELS, levels, "unique level names, but " + level.name() + " repeats");
                }
            }
            List<Level> sorted = new ArrayList<>(levels);
            sorted.sort((a, b) -> Integer.compare(a.value(), b.value()));
            this.levels = sorted;
            return this;
        }

        /**
         * {@link SettingKeys#DEFAULT_LEVEL} as a value.
         *
         * @param value the value
         * @return this builder
         */
        public Builder defaultLevel(int value) {
            this.defaultLevel = value;
            this.defaultLevelText = null;
            return this;
        }

        /**
         * {@link SettingKeys#DEFAULT_LEVEL} as a value or a level name, resolved against the levels at {@link #build()}.
         *
         * @param valueOrName a level's value or name
         * @return this builder
         */
        public Builder defaultLevel(String valueOrName) {
            this.defaultLevelText = Objects.requireNonNull(valueOrName, "default level");
            this.defaultLevel = null;
            return this;
        }

        /**
         * {@link SettingKeys#READABLE_LEVEL} as a value.
         *
         * @param value the value
         * @return this builder
         */
        public Builder readableLevel(int value) {
            this.readableLevel = value;
            this.readableLevelText = null;
            return this;
        }

        /**
         * {@link SettingKeys#READABLE_LEVEL} as a value or a level name, resolved against the levels at {@link #build()}.
         *
         * @param valueOrName a level's value or name
         * @return this builder
         */
        public Builder readableLevel(String valueOrName) {
            this.readableLevelText = Objects.requireNonNull(valueOrName, "readable level");
            this.readableLevel = null;
            return this;
        }

        /**
         * {@link SettingKeys#PERSISTENCE_UNIT}; {@code null} for actrack's default unit.
         *
         * @param persistenceUnit the unit's name
         * @return this builder
         */
        public Builder persistenceUnit(String persistenceUnit) {
            this.persistenceUnit = persistenceUnit;
            return this;
        }

        /**
         * {@link SettingKeys#CURSOR_SECRET}: at least {@value ActrackSettings#MIN_CURSOR_SECRET_LENGTH} characters;
         * {@code null} to have one generated at startup.
         *
         * @param secret the secret, 16 characters or more
         * @return this builder
         */
        public Builder cursorSecret(String secret) {
            if (secret != null && secret.length() < MIN_CURSOR_SECRET_LENGTH) {
                // The value is a secret: the message gives its length, never the value.
                throw new ActrackException(ErrorCode.INVALID_SETTING, "Setting " + SettingKeys.CURSOR_SECRET + " is "
                        + secret.length() + " characters long; it must be at least " + MIN_CURSOR_SECRET_LENGTH);
            }
            this.cursorSecret = secret;
            return this;
        }

        /**
         * {@link SettingKeys#REST_ENABLED}; default {@code true}.
         *
         * @param enabled whether actrack-rest's resources answer
         * @return this builder
         */
        public Builder restEnabled(boolean enabled) {
            this.restEnabled = enabled;
            return this;
        }

        /**
         * {@link SettingKeys#REST_USER_ATTRIBUTE}; default {@code name}.
         *
         * @param attribute an attribute name, or a path of them such as {@code account.login}
         * @return this builder
         * @throws ActrackException when it is not a Java identifier or a dotted path of them
         */
        public Builder restUserAttribute(String attribute) {
            if (attribute == null || !attribute.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
                throw invalid(SettingKeys.REST_USER_ATTRIBUTE, String.valueOf(attribute), "an attribute such as 'name' or 'account.login'");
            }
            this.restUserAttribute = attribute;
            return this;
        }

        /**
         * {@link SettingKeys#REST_OPEN_STREAMS}; default {@code false}.
         *
         * @param open whether object and type streams are served without a visibility bean
         * @return this builder
         */
        public Builder restOpenStreams(boolean open) {
            this.restOpenStreams = open;
            return this;
        }

        /**
         * {@link SettingKeys#REST_MAX_LIVE_FEEDS}: 1 to 1000; default 5.
         *
         * @param limit the live feeds one user may hold open on one node
         * @return this builder
         * @throws ActrackException when out of range
         */
        public Builder restMaxLiveFeeds(int limit) {
            this.restMaxLiveFeeds = inRange(SettingKeys.REST_MAX_LIVE_FEEDS, limit, 1, 1000);
            return this;
        }

        /**
         * {@link SettingKeys#REST_HEARTBEAT_SECONDS}: 1 to 3600; default 20.
         *
         * @param seconds between heartbeats on an idle live feed
         * @return this builder
         * @throws ActrackException when out of range
         */
        public Builder restHeartbeatSeconds(int seconds) {
            this.restHeartbeatSeconds = inRange(SettingKeys.REST_HEARTBEAT_SECONDS, seconds, 1, 3600);
            return this;
        }

        /**
         * {@link SettingKeys#REST_POLL_SECONDS}: 0 (off) to 3600; default 2.
         *
         * @param seconds between reads of the open live feeds
         * @return this builder
         * @throws ActrackException when out of range
         */
        public Builder restPollSeconds(int seconds) {
            this.restPollSeconds = inRange(SettingKeys.REST_POLL_SECONDS, seconds, 0, 3600);
            return this;
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
            if (channel == null || !(channel.isEmpty() || channel.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"))) {
                throw invalid(SettingKeys.NOTIFY_CHANNEL, String.valueOf(channel),
                        "empty, or a letter or underscore followed by up to 62 letters, digits or underscores");
            }
            this.notifyChannel = channel;
            return this;
        }

        /**
         * {@link SettingKeys#REST_ALLOWED_ORIGINS}; default none.
         *
         * @param origins origins such as {@code https://app.example} or {@code http://localhost:3000}
         * @return this builder
         * @throws ActrackException naming the first value that is not an http or https origin (a path, a query or
         *         user information are not part of an origin)
         */
        public Builder restAllowedOrigins(List<String> origins) {
            List<String> normalized = new ArrayList<>();
            for (String origin : Objects.requireNonNull(origins, "origins")) {
                normalized.add(normalizedOrigin(origin).orElseThrow(() -> invalid(SettingKeys.REST_ALLOWED_ORIGINS, origin,
                        "origins such as https://app.example or http://localhost:3000, separated by commas")));
            }
            this.restAllowedOrigins = List.copyOf(normalized);
            return this;
        }

        /**
         * {@link SettingKeys#REST_CHALLENGE}; default {@code Session realm="actrack"}.
         *
         * @param challenge a {@code WWW-Authenticate} challenge
         * @return this builder
         * @throws ActrackException when it is blank or spans lines
         */
        public Builder restChallenge(String challenge) {
            if (challenge == null || challenge.isBlank() || challenge.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw invalid(SettingKeys.REST_CHALLENGE, String.valueOf(challenge), "a challenge such as Bearer or Basic realm=\"app\"");
            }
            this.restChallenge = challenge.strip();
            return this;
        }

        /**
         * {@link SettingKeys#REST_LISTEN_URL}; default empty (the database actrack writes to).
         *
         * @param url a {@code jdbc:postgresql:} URL, or empty
         * @return this builder
         * @throws ActrackException when it is neither empty nor a PostgreSQL JDBC URL
         */
        public Builder restListenUrl(String url) {
            if (url == null || !(url.isEmpty() || url.startsWith("jdbc:postgresql:"))) {
                throw invalid(SettingKeys.REST_LISTEN_URL, "(not shown: it may hold a password)", "empty or a jdbc:postgresql: URL");
            }
            this.restListenUrl = url;
            return this;
        }

        private static int inRange(String key, int value, int min, int max) {
            if (value < min || value > max) {
                throw invalid(key, String.valueOf(value), "a whole number from " + min + " to " + max);
            }
            return value;
        }

        /**
         * The settings. @throws ActrackException when a level name is unknown
         *
         * @return the settings
         */
        public ActrackSettings build() {
            // Like django-actrack, both default to INFO of the default levels, whatever LEVELS says.
            return new ActrackSettings(this, resolveLevel(SettingKeys.DEFAULT_LEVEL, defaultLevel, defaultLevelText),
                    resolveLevel(SettingKeys.READABLE_LEVEL, readableLevel, readableLevelText));
        }

        private int resolveLevel(String key, Integer value, String text) {
            if (value != null) {
                return value;
            }
            if (text == null) {
                return Level.INFO.value();
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException notANumber) {
                return findLevel(levels, text)
                        .orElseThrow(() -> invalid(key, text, "a number or one of the levels " + levels))
                        .value();
            }
        }
    }
}
