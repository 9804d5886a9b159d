/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.actrack.engine.model.Role;
import org.actrack.engine.sql.SqlDialect;

/**
 * The SQL condition over {@code actrack_action_ref} for some matches and filters, with its positional
 * parameters, for native queries: the id selection of every action query is plain SQL so that a list of keys
 * is bound the database's best way ({@link SqlDialect#oneOf}), with no JPQL translation at each page.
 *
 * <p>Matches that differ only in their object are folded into one list, so a feed of a user with a hundred
 * trackers is a handful of index range scans on {@code (ref_key, action_time, action_id)} (or
 * {@code ref_type} for whole types), not a hundred OR-ed conditions.
 */
public final class ActionSelection {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private boolean mayRepeatActions;

    private ActionSelection() {}

    /**
     * Whether the matches are one index range: one object (in any roles) or one whole type, whose rows the
     * database reads newest first from the position, with no need for time windows.
     */
    public static boolean isOneRange(List<Match> matches) {
        return matches.size() == 1;
    }

    /**
     * The condition, limited to actions at or after {@code windowStart} when it is given: each key's index
     * range then starts there instead of at the oldest action.
     */
    public static ActionSelection of(
            SqlDialect dialect,
            List<Match> matches,
            ActionFilters filters,
            Keyset after,
            Instant windowStart,
            UnreadCondition unread) {
        ActionSelection selection = new ActionSelection();
        selection.addMatches(dialect, matches);
        selection.addFilters(filters, unread);
        // One row per action and role for one object (actrack_action_ref_uk): several objects, a whole type
        // or several roles can give an action more than one row.
        Match only = matches.get(0);
        selection.mayRepeatActions =
                matches.size() > 1 || only.ref().isWholeType() || only.roles().size() > 1;
        if (after != null) {
            // The first conjunct bounds the index range at the position; the second is the exact keyset order.
            LocalDateTime time = utc(after.timestamp());
            selection.where.append(
                    " AND action_time <= ? AND (action_time < ? OR (action_time = ? AND action_id < ?))");
            selection.parameters.addAll(List.of(time, time, time, after.id()));
        }
        if (windowStart != null) {
            selection.where.append(" AND action_time >= ?");
            selection.parameters.add(utc(windowStart));
        }
        return selection;
    }

    /** The condition of the actions newer than {@code position} (in the order time, then id). */
    public static ActionSelection newer(
            SqlDialect dialect, List<Match> matches, ActionFilters filters, Keyset position, UnreadCondition unread) {
        ActionSelection selection = of(dialect, matches, filters, null, null, unread);
        LocalDateTime time = utc(position.timestamp());
        selection.where.append(" AND action_time >= ? AND (action_time > ? OR (action_time = ? AND action_id > ?))");
        selection.parameters.addAll(List.of(time, time, time, position.id()));
        return selection;
    }

    /** Whether an action may match by more than one row, so that the ids need {@code DISTINCT}. */
    public boolean mayRepeatActions() {
        return mayRepeatActions;
    }

    public String where() {
        return where.toString();
    }

    /** The parameters of {@link #where()}, in order: a statement whose only parameters are this condition's binds them. */
    public List<Object> parameters() {
        return parameters;
    }

    /** An {@code action_time} as a native query reads it, as a UTC instant (the column holds UTC). */
    public static Instant instant(Object column) {
        if (column instanceof LocalDateTime time) {
            return time.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected value of action_time: " + column + " ("
                + (column == null ? "null" : column.getClass().getName()) + ")");
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void addMatches(SqlDialect dialect, List<Match> matches) {
        Map<Shape, Set<String>> groups = new LinkedHashMap<>();
        for (Match match : matches) {
            boolean wholeType = match.ref().isWholeType();
            groups.computeIfAbsent(
                            new Shape(wholeType, match.roles(), match.verbs(), match.minLevel(), match.since()),
                            shape -> new LinkedHashSet<>())
                    .add(wholeType ? match.ref().type() : match.ref().key());
        }
        where.append('(');
        int index = 0;
        for (Map.Entry<Shape, Set<String>> group : groups.entrySet()) {
            Shape shape = group.getKey();
            if (index++ > 0) {
                where.append(" OR ");
            }
            where.append('(')
                    .append(dialect.oneOf(
                            shape.wholeType() ? "ref_type" : "ref_key", List.copyOf(group.getValue()), parameters));
            if (!shape.roles().containsAll(Match.ANY_ROLE)) {
                where.append(" AND ")
                        .append(in(
                                "role",
                                shape.roles().stream().map(Role::name).sorted().toList()));
            }
            if (!shape.verbs().isEmpty()) {
                where.append(" AND ")
                        .append(in("verb", shape.verbs().stream().sorted().toList()));
            }
            if (shape.minLevel() != null) {
                where.append(" AND action_level >= ?");
                parameters.add(shape.minLevel());
            }
            if (shape.since() != null) {
                where.append(" AND action_time >= ?");
                parameters.add(utc(shape.since()));
            }
            where.append(')');
        }
        where.append(')');
    }

    private void addFilters(ActionFilters filters, UnreadCondition unread) {
        if (!filters.verbs().isEmpty()) {
            where.append(" AND ")
                    .append(in("verb", filters.verbs().stream().sorted().toList()));
        }
        if (filters.minLevel() != null) {
            where.append(" AND action_level >= ?");
            parameters.add(filters.minLevel());
        }
        if (filters.since() != null) {
            where.append(" AND action_time >= ?");
            parameters.add(utc(filters.since()));
        }
        if (filters.unreadFor() != null) {
            where.append(" AND ").append(unread.sql(filters.unreadFor(), parameters));
        }
        if (filters.until() != null) {
            where.append(" AND action_time < ?");
            parameters.add(utc(filters.until()));
        }
    }

    /** A short list of values (roles, verbs) as placeholders: their count varies little, so does the SQL. */
    private String in(String column, List<String> values) {
        parameters.addAll(values);
        return values.size() == 1 ? column + " = ?" : column + " IN (" + "?, ".repeat(values.size() - 1) + "?)";
    }

    /**
     * The condition that an action ({@code action_id}) is unread for a user, appending its parameters:
     * {@link org.actrack.engine.tracking.PositionUnread#unreadIn}.
     */
    @FunctionalInterface
    public interface UnreadCondition {
        String sql(org.actrack.ObjectRef user, List<Object> parameters);
    }

    private record Shape(boolean wholeType, Set<Role> roles, Set<String> verbs, Integer minLevel, Instant since) {
        Shape {
            Objects.requireNonNull(roles);
        }
    }
}
