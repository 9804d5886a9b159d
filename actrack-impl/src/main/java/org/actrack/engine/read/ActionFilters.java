/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.time.Instant;
import java.util.Set;

/**
 * The filters every action query accepts.
 *
 * @param verbs only these verbs; empty for any
 * @param minLevel only levels at or above it; {@code null} for any
 * @param since only at or after it; {@code null} for no bound
 * @param until only strictly before it; {@code null} for no bound
 * @param unreadFor only actions unread for this user; {@code null} for all
 */
public record ActionFilters(
        Set<String> verbs, Integer minLevel, Instant since, Instant until, org.actrack.ObjectRef unreadFor) {

    public static final ActionFilters NONE = new ActionFilters(Set.of(), null, null, null, null);

    public ActionFilters {
        verbs = Set.copyOf(verbs);
    }

    public ActionFilters withVerbs(Set<String> newVerbs) {
        return new ActionFilters(newVerbs, minLevel, since, until, unreadFor);
    }

    public ActionFilters withMinLevel(Integer level) {
        return new ActionFilters(verbs, level, since, until, unreadFor);
    }

    public ActionFilters withSince(Instant instant) {
        return new ActionFilters(verbs, minLevel, instant, until, unreadFor);
    }

    public ActionFilters withUntil(Instant instant) {
        return new ActionFilters(verbs, minLevel, since, instant, unreadFor);
    }

    public ActionFilters withUnreadFor(org.actrack.ObjectRef user) {
        return new ActionFilters(verbs, minLevel, since, until, user);
    }

    /** These filters with the level raised to at least {@code floor} (feeds never show unreadable levels). */
    public ActionFilters atLeast(int floor) {
        return withMinLevel(minLevel == null ? floor : Math.max(minLevel, floor));
    }
}
