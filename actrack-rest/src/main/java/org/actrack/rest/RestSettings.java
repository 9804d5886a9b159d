/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.actrack.Setting;
import org.actrack.SettingKeys;

/**
 * actrack-rest's settings, each declared once (key, default, accepted values, one line of documentation) and read
 * once at startup ({@link RestConfiguration}); docs/reference.md lists them with the engine's, and a test compares its
 * table with {@link #ALL}.
 */
final class RestSettings {

    private static final String PREFIX = SettingKeys.PREFIX + "rest.";

    static final Setting<Boolean> ENABLED =
            Setting.flag(PREFIX + "enabled", true, "actrack-rest: whether its resources answer (404 when `false`)");

    static final Setting<String> USER_ATTRIBUTE = Setting.text(
            PREFIX + "user-attribute",
            "name",
            attribute -> attribute.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*"),
            "an attribute such as 'name' or 'account.login'",
            "actrack-rest: the attribute of the `actrack.user-type` entity that equals the caller's principal name");

    static final Setting<Boolean> OPEN_STREAMS = Setting.flag(
            PREFIX + "open-streams",
            false,
            "actrack-rest: serve object and type streams to every signed-in user when there is no `ActionVisibility` bean");

    static final Setting<Integer> MAX_LIVE_FEEDS = Setting.number(
            PREFIX + "max-live-feeds",
            5,
            1,
            1000,
            "actrack-rest: live feeds one user may hold open on one node (1–1000)");

    static final Setting<Integer> HEARTBEAT_SECONDS = Setting.number(
            PREFIX + "heartbeat-seconds",
            20,
            1,
            3600,
            "actrack-rest: seconds between heartbeats on an idle live feed (1–3600)");

    static final Setting<Integer> POLL_SECONDS = Setting.number(
            PREFIX + "poll-seconds",
            2,
            0,
            3600,
            "actrack-rest: seconds between a node's reads of the whole log for its live feeds (other nodes' actions where"
                    + " there are no notifications, late commits, missed signals); 0 for one node only");

    static final Setting<List<String>> ALLOWED_ORIGINS = Setting.list(
            PREFIX + "allowed-origins",
            "none",
            RestSettings::normalizedOrigin,
            "origins such as https://app.example or http://localhost:3000, separated by commas",
            "actrack-rest: origins (`scheme://host[:port]`, comma-separated) besides the application's own whose pages may"
                    + " change state (follow, mark read)");

    static final Setting<String> CHALLENGE = Setting.text(
            PREFIX + "challenge",
            "Session realm=\"actrack\"",
            challenge -> !challenge.isBlank() && challenge.chars().noneMatch(c -> c < 0x20 || c == 0x7f),
            "a challenge such as Bearer or Basic realm=\"app\"",
            "actrack-rest: the `WWW-Authenticate` challenge of a 401"
                    + " (`Bearer`, `Basic realm=\"…\"` where callers authenticate so)");

    static final Setting<Optional<String>> LISTEN_URL = Setting.optionalText(
                    PREFIX + "listen-url",
                    "derived",
                    url -> url.startsWith("jdbc:postgresql:"),
                    "empty or a jdbc:postgresql: URL",
                    "actrack-rest: the JDBC URL of the"
                            + " node's listening connection on PostgreSQL (user and password as parameters); unset, the host, port,"
                            + " database and user actrack writes to, without a password")
            .secret();

    /** Every setting above, in the order of the documentation. */
    static final List<Setting<?>> ALL = List.of(
            ENABLED,
            USER_ATTRIBUTE,
            OPEN_STREAMS,
            MAX_LIVE_FEEDS,
            HEARTBEAT_SECONDS,
            POLL_SECONDS,
            ALLOWED_ORIGINS,
            CHALLENGE,
            LISTEN_URL);

    private static final RestSettings DEFAULTS = from(key -> Optional.empty());

    private final Map<Setting<?>, Object> values;

    private RestSettings(Map<Setting<?>, Object> values) {
        this.values = Map.copyOf(values);
    }

    static RestSettings defaults() {
        return DEFAULTS;
    }

    /** Reads every setting of {@link #ALL} through {@code lookup}; absent keys keep their defaults. */
    static RestSettings from(Function<String, Optional<String>> lookup) {
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        ALL.forEach(setting -> values.put(setting, setting.read(lookup)));
        return new RestSettings(values);
    }

    /** These settings with one value changed, checked as reading would check it (for tests and code that builds them). */
    <T> RestSettings with(Setting<T> setting, T value) {
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(setting, setting.checked(value));
        return new RestSettings(changed);
    }

    @SuppressWarnings("unchecked")
    <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    boolean enabled() {
        return get(ENABLED);
    }

    String userAttribute() {
        return get(USER_ATTRIBUTE);
    }

    boolean openStreams() {
        return get(OPEN_STREAMS);
    }

    int maxLiveFeeds() {
        return get(MAX_LIVE_FEEDS);
    }

    int heartbeatSeconds() {
        return get(HEARTBEAT_SECONDS);
    }

    int pollSeconds() {
        return get(POLL_SECONDS);
    }

    List<String> allowedOrigins() {
        return get(ALLOWED_ORIGINS);
    }

    String challenge() {
        return get(CHALLENGE);
    }

    Optional<String> listenUrl() {
        return get(LISTEN_URL);
    }

    /**
     * An origin as browsers send it ({@code scheme://host[:port]}, lower case, without the scheme's default port), or
     * empty when the text is no http or https origin (a path, a query or user information are not part of an origin).
     */
    static Optional<String> normalizedOrigin(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(
                    scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    /** Every setting by key, secrets only as set or unset. */
    @Override
    public String toString() {
        return ALL.stream()
                .map(setting -> setting.key().substring(PREFIX.length()) + "=" + setting.describe(values.get(setting)))
                .collect(Collectors.joining(", ", "RestSettings[", "]"));
    }
}
