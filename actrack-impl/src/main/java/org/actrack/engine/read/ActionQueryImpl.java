/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.actrack.Action;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.ActrackSettings;
import org.actrack.GroupedQuery;
import org.actrack.ObjectRef;
import org.actrack.engine.ActionRequests;
import org.actrack.engine.Problem;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.tracking.PositionUnread;

/**
 * An immutable action query: where the matches come from (fixed, or computed from trackers when the
 * query runs), the filters, an optional level floor and the keyset position.
 *
 * <p>A page is one read with one entity manager: the matches (for a feed, one query for the user's
 * trackers), the ids of the page ({@link #newestRows}), then the page loaded by id ({@link ActionLoader}).
 * A query whose matches are one index range (one object in one role or any role, one whole type) selects its
 * ids with one {@code ORDER BY … LIMIT} on that range; a query of many ranges (a feed) uses growing time windows.
 */
public final class ActionQueryImpl implements ActionQuery {

    public static final int MAX_PAGE_SIZE = 1000;
    public static final int MAX_COUNT_LIMIT = 100_000;

    /** The windows tried in turn before the whole history: a busy feed fills a page from its last hour. */
    private static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(32));

    private final QueryContext context;
    private final String identity;
    private final Function<EntityManager, List<Match>> matches;
    private final ActionFilters filters;
    private final Integer levelFloor;
    private final String position;
    private final boolean newer;
    /** Whose unread state a grouped read of the query reports by default: a feed's user, else none. */
    private final ObjectRef reader;
    /** What the query's cursors are bound to; worked out once (the query is immutable). */
    private volatile String fingerprint;

    /**
     * @param identity what the query is, for its cursors: its kind and object or user (for example
     *        {@code feed:User#5:own}); two queries with the same identity and filters accept each other's cursors
     */
    public ActionQueryImpl(
            QueryContext context, String identity, Function<EntityManager, List<Match>> matches, Integer levelFloor) {
        this(context, identity, matches, ActionFilters.NONE, levelFloor, null, false, null);
    }

    /** A user's feed: its grouped pages report the user's unread state. */
    public ActionQueryImpl(
            QueryContext context,
            String identity,
            Function<EntityManager, List<Match>> matches,
            Integer levelFloor,
            ObjectRef reader) {
        this(context, identity, matches, ActionFilters.NONE, levelFloor, null, false, reader);
    }

    private ActionQueryImpl(
            QueryContext context,
            String identity,
            Function<EntityManager, List<Match>> matches,
            ActionFilters filters,
            Integer levelFloor,
            String position,
            boolean newer,
            ObjectRef reader) {
        this.context = context;
        this.reader = reader;
        this.identity = identity;
        this.matches = matches;
        this.filters = filters;
        this.levelFloor = levelFloor;
        this.position = position;
        this.newer = newer;
    }

    @Override
    public ActionQuery verbs(String... verbs) {
        for (String verb : verbs) {
            ActionRequests.requireVerb(verb);
        }
        return with(filters.withVerbs(Set.of(verbs)));
    }

    @Override
    public ActionQuery minLevel(int level) {
        return with(filters.withMinLevel(level));
    }

    @Override
    public ActionQuery minLevel(String levelName) {
        return minLevel(context.settings().level(levelName).value());
    }

    @Override
    public ActionQuery since(Instant since) {
        return with(filters.withSince(since));
    }

    @Override
    public ActionQuery until(Instant until) {
        return with(filters.withUntil(until));
    }

    @Override
    public ActionQuery unreadFor(Object user) {
        return with(filters.withUnreadFor(context.users().apply(user)));
    }

    @Override
    public ActionQuery after(String cursor) {
        // Checked when a page is read, against the query as it is then (filters may follow the cursor).
        return new ActionQueryImpl(context, identity, matches, filters, levelFloor, cursor, false, reader);
    }

    @Override
    public ActionQuery before(String cursor) {
        return new ActionQueryImpl(context, identity, matches, filters, levelFloor, cursor, cursor != null, reader);
    }

    @Override
    public String cursorOf(Action action) {
        return context.cursors().encode(new Keyset(action.timestamp(), action.id()), fingerprint());
    }

    @Override
    public org.actrack.ActionKey positionOf(String cursor) {
        if (cursor == null) {
            throw Problem.INVALID_CURSOR.exception("null", "no cursor was given");
        }
        Keyset position = context.cursors().decode(cursor, fingerprint());
        return new org.actrack.ActionKey(position.timestamp(), position.id());
    }

    @Override
    public ActionPage page(int size) {
        requirePageSize(size);
        String fingerprint = fingerprint();
        Keyset start = position == null ? null : context.cursors().decode(position, fingerprint);
        Chunk chunk = context.unitOfWork()
                .read(context.unit(), em -> newer ? readNewer(em, start, size) : read(em, null, start, size));
        return new ActionPage(
                chunk.actions(), chunk.last() == null ? null : context.cursors().encode(chunk.last(), fingerprint));
    }

    @Override
    public Stream<Action> stream(int pageSize) {
        requirePageSize(pageSize);
        if (newer) {
            throw new IllegalStateException(
                    "A stream reads toward older actions: start it with after(cursor), not before(cursor)");
        }
        Keyset start = position == null ? null : context.cursors().decode(position, fingerprint());
        Iterator<Action> actions = new PagedActions(start, pageSize);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(actions, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public GroupedQuery grouped() {
        return new GroupedQueryImpl(
                context,
                matches,
                effectiveFilters(),
                fingerprint() + "|grouped",
                reader,
                GroupedQueryImpl.DEFAULT_MEMBERS,
                null);
    }

    @Override
    public long count() {
        return countMatches(where -> "SELECT COUNT(DISTINCT action_id) FROM actrack_action_ref WHERE " + where);
    }

    /** The distinct matches, at most {@code limit} of them, counted in the database: no order, so no sort. */
    @Override
    public long countUpTo(int limit) {
        if (limit < 1 || limit > MAX_COUNT_LIMIT) {
            throw Problem.INVALID_COUNT_LIMIT.exception(limit, MAX_COUNT_LIMIT);
        }
        return countMatches(where -> "SELECT COUNT(*) FROM (SELECT DISTINCT action_id FROM actrack_action_ref WHERE "
                + where + " LIMIT " + limit + ") capped");
    }

    /** Runs the count that {@code sql} makes of the query's condition (ignoring the cursor); 0 without matches. */
    private long countMatches(Function<String, String> sql) {
        return context.unitOfWork().read(context.unit(), em -> {
            List<Match> selected = matches.apply(em);
            if (selected.isEmpty()) {
                return 0L;
            }
            ActionSelection selection =
                    ActionSelection.of(context.dialects().of(em), selected, effectiveFilters(), null, null, unread(em));
            return ((Number) context.unitOfWork()
                            .nativeRows(em, sql.apply(selection.where()), selection.parameters())
                            .get(0)[0])
                    .longValue();
        });
    }

    /**
     * Reads up to {@code size} actions after {@code position}, with the given matches or, when {@code null},
     * with the query's (a feed's trackers are read here).
     */
    private Chunk read(EntityManager em, List<Match> known, Keyset position, int size) {
        List<Match> selected = known != null ? known : matches.apply(em);
        if (selected.isEmpty()) {
            return new Chunk(selected, List.of(), null);
        }
        return chunk(em, selected, newestRows(em, selected, position, size + 1), size, false);
    }

    /**
     * Reads up to {@code size} actions newer than {@code position}, the nearest ones, returned newest first; the
     * position after them is that of the newest, when still newer ones follow. The range from the position to
     * the present is read oldest first, so no time windows are needed.
     */
    private Chunk readNewer(EntityManager em, Keyset position, int size) {
        List<Match> selected = matches.apply(em);
        if (selected.isEmpty()) {
            return new Chunk(selected, List.of(), null);
        }
        ActionSelection selection =
                ActionSelection.newer(context.dialects().of(em), selected, effectiveFilters(), position, unread(em));
        List<Object[]> rows = context.unitOfWork()
                .nativeRows(
                        em,
                        "SELECT " + (selection.mayRepeatActions() ? "DISTINCT " : "")
                                + "action_id, action_time FROM actrack_action_ref WHERE " + selection.where()
                                + " ORDER BY action_time ASC, action_id ASC LIMIT " + (size + 1),
                        selection.parameters());
        return chunk(em, selected, rows, size, true);
    }

    /**
     * The first {@code size} of {@code size + 1} rows (id, time) read in one direction, loaded newest first
     * ({@code reversed} when they were read oldest first), and the position of the last of them when the extra
     * row says more follow.
     */
    private Chunk chunk(EntityManager em, List<Match> selected, List<Object[]> rows, int size, boolean reversed) {
        int count = Math.min(size, rows.size());
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(((Number) rows.get(reversed ? count - 1 - i : i)[0]).longValue());
        }
        Keyset last = null;
        if (rows.size() > size) {
            Object[] row = rows.get(size - 1);
            last = new Keyset(ActionSelection.instant(row[1]), ((Number) row[0]).longValue());
        }
        return new Chunk(selected, context.loader().load(em, ids), last);
    }

    /**
     * The ids and times of the newest {@code limit} matching actions before {@code position}. One index range
     * (one object, or one whole type) is read newest first from the position: the first {@code limit} rows
     * are the answer. Several ranges (a feed) are first limited to an hour below the position (or the present),
     * then a day, a month, the whole history, stopping as soon as a window yields {@code limit} rows: each
     * range is then read from the window's start, not from the oldest action, so a page of a busy feed costs
     * about what its own actions cost however long the history. The rows are exactly those of the unlimited
     * query: every action newer than the window's start is in the window.
     */
    private List<Object[]> newestRows(EntityManager em, List<Match> selected, Keyset position, int limit) {
        ActionFilters effective = effectiveFilters();
        SqlDialect dialect = context.dialects().of(em);
        Instant anchor =
                position != null ? position.timestamp() : context.clock().instant();
        boolean oneRange = ActionSelection.isOneRange(selected);
        for (int step = 0; ; step++) {
            Instant windowStart = !oneRange && step < WINDOWS.size() ? anchor.minus(WINDOWS.get(step)) : null;
            boolean everything =
                    windowStart == null || (effective.since() != null && !windowStart.isAfter(effective.since()));
            ActionSelection selection = ActionSelection.of(
                    dialect, selected, effective, position, everything ? null : windowStart, unread(em));
            // The limit is written into the statement (a number, never input) so the database plans for it.
            List<Object[]> rows = context.unitOfWork()
                    .nativeRows(
                            em,
                            "SELECT " + (selection.mayRepeatActions() ? "DISTINCT " : "")
                                    + "action_id, action_time FROM actrack_action_ref WHERE " + selection.where()
                                    + " ORDER BY action_time DESC, action_id DESC LIMIT " + limit,
                            selection.parameters());
            if (everything || rows.size() >= limit) {
                return rows;
            }
        }
    }

    /**
     * What identifies the query for its cursors: its identity, its filters and its level floor, in a canonical
     * form (verbs sorted).
     */
    private String fingerprint() {
        String known = fingerprint;
        if (known == null) {
            known = computeFingerprint();
            fingerprint = known;
        }
        return known;
    }

    private String computeFingerprint() {
        return identity + "|verbs=" + new TreeSet<>(filters.verbs()) + "|min=" + filters.minLevel() + "|since="
                + filters.since()
                + "|until=" + filters.until() + "|unread="
                + (filters.unreadFor() == null ? null : filters.unreadFor().key())
                + "|floor=" + levelFloor;
    }

    private static void requirePageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problem.INVALID_PAGE_SIZE.exception(size, MAX_PAGE_SIZE);
        }
    }

    private ActionFilters effectiveFilters() {
        return levelFloor == null ? filters : filters.atLeast(levelFloor);
    }

    private ActionQueryImpl with(ActionFilters newFilters) {
        return new ActionQueryImpl(context, identity, matches, newFilters, levelFloor, position, newer, reader);
    }

    /** What one read gave: the matches it used, its actions, and the position after them if more follow. */
    private record Chunk(List<Match> matches, List<Action> actions, Keyset last) {}

    /**
     * The actions of the query from a position on, a page per read. The matches (a feed's trackers) are read
     * once, with the first page, so that every page of one stream selects alike.
     */
    private final class PagedActions implements Iterator<Action> {
        private final int pageSize;
        private Keyset position;
        private List<Match> known;
        private Iterator<Action> current = List.<Action>of().iterator();
        private boolean more = true;

        PagedActions(Keyset start, int pageSize) {
            this.position = start;
            this.pageSize = pageSize;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && more) {
                Chunk chunk = context.unitOfWork().read(context.unit(), em -> read(em, known, position, pageSize));
                known = chunk.matches();
                current = chunk.actions().iterator();
                position = chunk.last();
                more = position != null;
            }
            return current.hasNext();
        }

        @Override
        public Action next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }

    /** What every query of one engine shares. */
    public record QueryContext(
            UnitOfWork unitOfWork,
            ActionLoader loader,
            ActrackSettings settings,
            String unit,
            Function<Object, ObjectRef> users,
            Clock clock,
            CursorSigner cursors,
            SqlDialect.Detection dialects,
            GroupRules groups,
            PositionUnread positions) {}

    /** The unread condition of this unit of work's reads. */
    ActionSelection.UnreadCondition unread(EntityManager em) {
        return (user, parameters) -> context.positions().unreadIn(em, user, parameters);
    }
}
