/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an action is rendered with: the reading user (if any), the locale of the text, the time "ago" is
 * measured from, whether the action is unread for the user, and values of the application's own.
 *
 * @param user the user reading, or {@code null}
 * @param locale the locale of the text; English when {@code null} is given
 * @param now the time "5 minutes ago" is measured from, or {@code null} for the clock's time
 * @param unread whether the action is unread for the user, or {@code null} when unknown (actrack then
 *        works it out, and marks the action read for the user when auto-read is on)
 * @param values the application's own values, handed to handlers
 */
public record RenderContext(Object user, Locale locale, Instant now, Boolean unread, Map<String, Object> values) {

    /**
     * Uses English for a {@code null} locale and copies the values.
     *
     * @param user the user reading, or {@code null}
     * @param locale the locale of the text; English when {@code null} is given
     * @param now the time "5 minutes ago" is measured from, or {@code null} for the clock's time
     * @param unread whether the action is unread for the user, or {@code null} when unknown (actrack then works it out, and marks the action read for the user when auto-read is on)
     * @param values the application's own values, handed to handlers
     */
    public RenderContext {
        locale = locale == null ? Locale.ENGLISH : locale;
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    /**
     * A context with no user, in English, at the clock's time.
     *
     * @return a new context
     */
    public static RenderContext empty() {
        return new RenderContext(null, null, null, null, Map.of());
    }

    /**
     * A context for a user, in English, at the clock's time.
     *
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @return a new context
     */
    public static RenderContext forUser(Object user) {
        return new RenderContext(user, null, null, null, Map.of());
    }

    /**
     * This context for another user.
     *
     * @param newUser the user
     * @return a new context
     */
    public RenderContext withUser(Object newUser) {
        return new RenderContext(newUser, locale, now, unread, values);
    }

    /**
     * This context in another locale.
     *
     * @param newLocale the locale
     * @return a new context
     */
    public RenderContext withLocale(Locale newLocale) {
        return new RenderContext(user, newLocale, now, unread, values);
    }

    /**
     * This context measuring time from another instant.
     *
     * @param newNow the time "ago" is measured from
     * @return a new context
     */
    public RenderContext withNow(Instant newNow) {
        return new RenderContext(user, locale, newNow, unread, values);
    }

    /**
     * This context with a known unread state (rendering then does not mark the action read).
     *
     * @param newUnread whether the action is unread for the user
     * @return a new context
     */
    public RenderContext withUnread(Boolean newUnread) {
        return new RenderContext(user, locale, now, newUnread, values);
    }

    /**
     * This context with one more value.
     *
     * @param key the key
     * @param value the value
     * @return a new context
     */
    public RenderContext with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(values);
        more.put(Objects.requireNonNull(key, "key"), value);
        return new RenderContext(user, locale, now, unread, more);
    }
}
