/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of actrack's engine, declared once (key, default, accepted values, one line of documentation), under
 * the {@value #PREFIX} prefix. In a CDI application they are read once at startup from MicroProfile Config; without
 * CDI pass them to {@link ActrackSettings#from(java.util.function.Function)} or use {@link ActrackSettings#builder()}.
 * actrack-rest declares its own ({@code org.actrack.rest.RestSettings}); docs/reference.md lists them all, and a test
 * compares its table with these declarations.
 *
 * <p>django-actrack's {@code ACTIONS_ATTR}, {@code TRACKERS_ATTR} have no counterpart (Java has no per-instance
 * descriptors: use {@link ActionLog#actions(Object)} and {@link ActionLog#trackers(Object)}); its
 * {@code DEFAULT_HANDLER} is replaced by a CDI alternative of the default handler bean.
 */
public final class SettingKeys {

    /** The prefix of every key. */
    public static final String PREFIX = "actrack.";

    /**
     * The JPA entity name of the only entity type that may own trackers and have a feed; unset (the default) lets any
     * entity own trackers. ({@code USER_MODEL})
     */
    public static final Setting<Optional<String>> USER_TYPE = Setting.optionalText(
            PREFIX + "user-type",
            "unset: any entity",
            name -> true,
            "an entity name",
            "the JPA entity name of the only type that may own trackers and have a feed");

    /**
     * The longest object id, in characters, that actrack stores; longer ids are rejected when logged or tracked.
     * Default {@value ActrackSettings#DEFAULT_ID_MAX_LENGTH} (a UUID fits), at most
     * {@value ActrackSettings#ID_COLUMN_LENGTH}. ({@code PK_MAXLENGTH})
     */
    public static final Setting<Integer> ID_MAX_LENGTH = Setting.number(
            PREFIX + "id-max-length",
            ActrackSettings.DEFAULT_ID_MAX_LENGTH,
            1,
            ActrackSettings.ID_COLUMN_LENGTH,
            "longest object id (as text) accepted; at most 255");

    /** Whether actions become unread for the users who track them. Default {@code true}. ({@code TRACK_UNREAD}) */
    public static final Setting<Boolean> TRACK_UNREAD =
            Setting.flag(PREFIX + "track-unread", true, "whether actions become unread for trackers' owners");

    /**
     * Whether marking an action read takes effect; when {@code false} only a forced mark-read does. Default
     * {@code true}. ({@code AUTO_READ})
     */
    public static final Setting<Boolean> AUTO_READ =
            Setting.flag(PREFIX + "auto-read", true, "whether marking read takes effect without `force`");

    /**
     * Seconds within which an action is grouped into an earlier similar one: -1 never, 0 (the default) only within the
     * queue not yet written, more also with stored actions. ({@code GROUPING_DELAY})
     */
    public static final Setting<Long> GROUPING_DELAY = Setting.of(
            PREFIX + "grouping-delay",
            0L,
            "0",
            text -> Long.valueOf(text.strip()),
            seconds -> seconds >= -1,
            "-1 (never group), 0 or a positive number of seconds",
            "seconds: -1 never group, 0 group in the request queue only, more also with stored actions");

    /**
     * The levels, replacing the defaults wholesale, as {@code NAME=value} pairs separated by commas. Default
     * {@code NULL=0,DEBUG=10,HIDDEN=20,INFO=30,WARNING=40,ERROR=50}. ({@code LEVELS})
     */
    public static final Setting<List<Level>> LEVELS = Setting.of(
            PREFIX + "levels",
            Level.DEFAULTS,
            "NULL=0,DEBUG=10,HIDDEN=20,INFO=30,WARNING=40,ERROR=50",
            SettingKeys::parseLevels,
            SettingKeys::areLevels,
            "NAME=value pairs separated by commas, with unique names",
            "the levels, replaced wholesale");

    /** The level of actions logged without one, as a value or a level name. Default 30 (INFO). ({@code DEFAULT_LEVEL}) */
    public static final Setting<Optional<String>> DEFAULT_LEVEL = Setting.optionalText(
            PREFIX + "default-level",
            "30",
            text -> true,
            "a level's value or name",
            "level of actions logged without one (value or name)");

    /**
     * Actions below this level never appear in feeds nor become unread; a value or a level name. Default 30 (INFO).
     * ({@code READABLE_LEVEL})
     */
    public static final Setting<Optional<String>> READABLE_LEVEL = Setting.optionalText(
            PREFIX + "readable-level",
            "30",
            text -> true,
            "a level's value or name",
            "feeds never show actions below it (value or name)");

    /** The persistence unit actrack writes to when none is named; unset means actrack's default unit. ({@code using}) */
    public static final Setting<Optional<String>> PERSISTENCE_UNIT = Setting.optionalText(
            PREFIX + "persistence-unit",
            "unset",
            name -> true,
            "a persistence unit's name",
            "the persistence unit actrack writes to when `using(…)` names none;"
                    + " needed (or a producer) when the application has several units");

    /**
     * The secret that signs cursors ({@link ActionPage#nextCursor()}), so that a cursor cannot be altered, forged, or
     * used with another query; at least {@value ActrackSettings#MIN_CURSOR_SECRET_LENGTH} characters. Unset (the
     * default), a random secret is generated at startup: cursors then stop working at a restart and on other nodes of a
     * cluster. Set the same secret on every node for cursors that survive both. Not django-actrack's (its feeds page by
     * offset).
     */
    public static final Setting<Optional<String>> CURSOR_SECRET = Setting.optionalText(
                    PREFIX + "cursor-secret",
                    "generated at startup",
                    secret -> secret.length() >= ActrackSettings.MIN_CURSOR_SECRET_LENGTH,
                    "at least " + ActrackSettings.MIN_CURSOR_SECRET_LENGTH + " characters",
                    "the secret (16+ characters) that signs"
                            + " cursors; set the same on every node so cursors survive restarts and work across a cluster")
            .secret();

    /**
     * The PostgreSQL channel on which every transaction that stores actions or changes trackers notifies the other
     * nodes of a cluster ({@code NOTIFY}, delivered only if it commits), so that their live feeds learn of it at once
     * instead of at their next periodic read. Default {@code actrack}; empty turns it off. A letter or underscore, then
     * letters, digits or underscores, at most 63. Other databases have no {@code NOTIFY}: there, other nodes' actions
     * arrive by actrack-rest's periodic read.
     */
    public static final Setting<String> NOTIFY_CHANNEL = Setting.text(
            PREFIX + "notify-channel",
            "actrack",
            channel -> channel.isEmpty() || channel.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
            "empty, or a letter or underscore followed by up to 62 letters, digits or underscores",
            "the PostgreSQL channel every transaction that stores actions or changes trackers notifies at commit; empty"
                    + " for none");

    /**
     * Whether every stored action also writes an event row in {@code actrack_outbox}, in the transaction that logged
     * it (so that an event exists if and only if the action committed), for Debezium's outbox event router or any
     * reader of the table to export as CloudEvents. Default {@code false}: off, nothing is written and nothing costs.
     * ({@code OUTBOX})
     */
    public static final Setting<Boolean> OUTBOX = Setting.flag(
            PREFIX + "outbox",
            false,
            "whether each stored action (and each update of one by grouping) writes a CloudEvent row in actrack_outbox");

    /**
     * The CloudEvents {@code source} of the outbox's events: a URI reference naming the application, such as
     * {@code https://shop.example/actrack} or {@code /shop}. Default {@code /actrack}. ({@code OUTBOX_SOURCE})
     */
    public static final Setting<String> OUTBOX_SOURCE = Setting.text(
            PREFIX + "outbox.source",
            "/actrack",
            SettingKeys::isUriReference,
            "a URI reference such as https://shop.example/actrack or /shop, at most 255 characters",
            "the CloudEvents source of the outbox's events: a URI reference naming the application");

    /**
     * How many events the outbox relay hands to an {@link org.actrack.spi.ActionExporter} at once (at most one per
     * subject). Default 100, 1 to 1000. ({@code OUTBOX_BATCH})
     */
    public static final Setting<Integer> OUTBOX_BATCH = Setting.number(
            PREFIX + "outbox.batch", 100, 1, 1000, "events the outbox relay hands to an exporter at once (1–1000)");

    /**
     * How many times the outbox relay tries an event before it leaves it aside as dead; between attempts it waits 1 s,
     * then twice as long each time, at most 15 minutes. Default 10, 1 to 100. ({@code OUTBOX_MAX_ATTEMPTS})
     */
    public static final Setting<Integer> OUTBOX_MAX_ATTEMPTS = Setting.number(
            PREFIX + "outbox.max-attempts",
            10,
            1,
            100,
            "deliveries the outbox relay tries before an event is dead (1–100); 1 s, then doubling, between them");

    /**
     * Milliseconds between the outbox relay's rounds on each node, when an {@link org.actrack.spi.ActionExporter} bean
     * exists. Default 1000, 100 to 60000. ({@code OUTBOX_INTERVAL})
     */
    public static final Setting<Integer> OUTBOX_INTERVAL = Setting.number(
            PREFIX + "outbox.interval",
            1000,
            100,
            60_000,
            "milliseconds between the outbox relay's rounds on each node (100–60000)");

    /**
     * The time bucket of {@linkplain ActionQuery#grouped() grouped pages}, in seconds, for the verbs whose handler's
     * {@link ActionHandler#readGrouping()} names none: actions of one verb and object fall into one group when they
     * are in the same bucket (buckets start at the epoch, in UTC). Default 86400 (a day), 1 to 31622400 (366 days).
     * ({@code GROUP_BUCKET})
     */
    public static final Setting<Integer> GROUP_BUCKET = Setting.number(
            PREFIX + "groups.bucket",
            86_400,
            1,
            ReadGrouping.MAX_BUCKET_SECONDS,
            "seconds of the time buckets of grouped pages (1–31622400); actions of one verb and object in one bucket"
                    + " form one group");

    /**
     * The outbox backlog at which actrack-health's readiness check reports DOWN: that many events or more not yet
     * delivered (nor dead). Default 10000, 1 to 1000000. ({@code HEALTH_OUTBOX_BACKLOG})
     */
    public static final Setting<Integer> HEALTH_OUTBOX_BACKLOG = Setting.number(
            PREFIX + "health.outbox-backlog",
            10_000,
            1,
            1_000_000,
            "undelivered outbox events at which actrack-health's readiness check is DOWN (1–1000000)");

    /**
     * The description of the anonymous deleted item that an erased person's actions refer to instead of them
     * ({@link PersonalData#erase}). Default "a former user", 1 to 255 characters. ({@code ERASED_DESCRIPTION})
     */
    public static final Setting<String> ERASED_DESCRIPTION = Setting.text(
            PREFIX + "erased-description",
            "a former user",
            description -> !description.isBlank() && description.length() <= 255,
            "1 to 255 characters, not blank",
            "what the actions of an erased person show in their place (the anonymous deleted item's description)");

    /** Every setting above, in the order of the documentation. */
    public static final List<Setting<?>> ALL = List.of(
            USER_TYPE,
            ID_MAX_LENGTH,
            TRACK_UNREAD,
            AUTO_READ,
            GROUPING_DELAY,
            LEVELS,
            DEFAULT_LEVEL,
            READABLE_LEVEL,
            PERSISTENCE_UNIT,
            NOTIFY_CHANNEL,
            CURSOR_SECRET,
            OUTBOX,
            OUTBOX_SOURCE,
            OUTBOX_BATCH,
            OUTBOX_MAX_ATTEMPTS,
            OUTBOX_INTERVAL,
            GROUP_BUCKET,
            HEALTH_OUTBOX_BACKLOG,
            ERASED_DESCRIPTION);

    private SettingKeys() {}

    private static boolean isUriReference(String text) {
        if (text.isEmpty() || text.length() > 255) {
            return false;
        }
        try {
            new java.net.URI(text);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static List<Level> parseLevels(String text) {
        List<Level> levels = new ArrayList<>();
        for (String pair : text.split(",")) {
            String[] nameAndValue = pair.split("=");
            if (nameAndValue.length != 2 || nameAndValue[0].isBlank()) {
                return null;
            }
            levels.add(new Level(nameAndValue[0].strip(), Integer.parseInt(nameAndValue[1].strip())));
        }
        levels.sort((a, b) -> Integer.compare(a.value(), b.value()));
        return levels;
    }

    private static boolean areLevels(List<Level> levels) {
        Set<String> names = new HashSet<>();
        return !levels.isEmpty()
                && levels.stream().allMatch(level -> names.add(level.name().toUpperCase(Locale.ROOT)));
    }
}
