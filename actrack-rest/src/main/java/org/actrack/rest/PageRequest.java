/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.QueryParam;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.actrack.ActionQuery;
import org.actrack.ActrackSettings;
import org.actrack.StreamLimits;

/**
 * The query parameters of a page of actions: {@code size} (1–100, default 20), {@code cursor} (older than a
 * position: the {@code next} link) or {@code before} (newer than a position: the {@code prev} link), the filters
 * {@code verb} (repeatable) and {@code level} (a name or a number), and {@code page=true}, which asks an Activity
 * Streams client's first page rather than the collection.
 */
public class PageRequest {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    /** The parameters that place a page in its stream, as opposed to those that choose the stream. */
    static final List<String> PAGING = List.of("cursor", "before", "size", "page");

    /** The parameters that read a page as groups; like {@link #PAGING}, never a custom stream's arguments. */
    static final List<String> GROUPING = List.of("grouped", "members");

    static final int DEFAULT_MEMBERS = 3;
    static final int MAX_MEMBERS = 10;

    @QueryParam("size")
    String size;

    @QueryParam("cursor")
    String cursor;

    @QueryParam("before")
    String before;

    @QueryParam("verb")
    List<String> verbs;

    @QueryParam("level")
    String level;

    @QueryParam("page")
    String page;

    @QueryParam("grouped")
    String grouped;

    @QueryParam("members")
    String members;

    /** Whether the page is one of groups ({@code grouped=true}); {@code before} does not apply to groups. */
    boolean grouped() {
        boolean asGroups = RequestParameters.bool("grouped", grouped);
        if (!asGroups && members != null) {
            throw RestProblem.INVALID_PARAMETER.exception("members", "absent unless grouped=true", members);
        }
        if (asGroups && present(before)) {
            throw RestProblem.INVALID_PARAMETER.exception("before", "absent when grouped=true", before);
        }
        return asGroups;
    }

    /** How many newest members each group shows, 1 to {@value #MAX_MEMBERS}. */
    int members() {
        return RequestParameters.integer("members", members, DEFAULT_MEMBERS, 1, MAX_MEMBERS);
    }

    int size() {
        return RequestParameters.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    }

    /** Whether the page is read toward newer actions ({@code before}). */
    boolean towardNewer() {
        if (present(cursor) && present(before)) {
            throw RestProblem.INVALID_PARAMETER.exception("before", "absent when cursor is given", "both given");
        }
        return present(before);
    }

    String position() {
        return towardNewer() ? before : present(cursor) ? cursor : null;
    }

    /** Whether the request names the whole stream rather than a page of it (no position, no {@code page=true}). */
    boolean namesTheCollection() {
        return position() == null && !RequestParameters.bool("page", page);
    }

    /**
     * The query with the request's filters and the visibility limits, intersected; empty when they exclude each
     * other (a verb the limits do not allow).
     */
    Optional<ActionQuery> filter(ActionQuery query, ActrackSettings settings, StreamLimits limits) {
        RequestParameters.bool("page", page);
        Set<String> wanted = new HashSet<>(verbs == null ? List.of() : verbs);
        if (!limits.verbs().isEmpty()) {
            if (wanted.isEmpty()) {
                wanted.addAll(limits.verbs());
            } else {
                wanted.retainAll(limits.verbs());
                if (wanted.isEmpty()) {
                    return Optional.empty();
                }
            }
        }
        ActionQuery filtered = query;
        if (!wanted.isEmpty()) {
            filtered = filtered.verbs(wanted.toArray(String[]::new));
        }
        Integer minLevel = level == null
                ? null
                : RequestParameters.isInteger(level)
                        ? RequestParameters.integer("level", level, 0, Short.MIN_VALUE, Short.MAX_VALUE)
                        : settings.level(level).value();
        if (limits.minLevel() != null) {
            minLevel = minLevel == null ? limits.minLevel() : Math.max(minLevel, limits.minLevel());
        }
        if (minLevel != null) {
            filtered = filtered.minLevel(minLevel);
        }
        if (limits.since() != null) {
            filtered = filtered.since(limits.since());
        }
        return Optional.of(filtered);
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
