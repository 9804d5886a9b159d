package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;

/**
 * An immutable action query: where the matches come from (fixed, or computed from trackers when the
 * query runs), the filters, an optional level floor and the keyset position.
 */
final class ActionQueryImpl implements ActionQuery {

    static final int MAX_PAGE_SIZE = 1000;

    /** The windows tried in turn before the whole history: a busy feed fills a page from its last hour. */
    private static final List<Duration> WINDOWS = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(32));

    private final QueryContext context;
    private final Function<EntityManager, List<Match>> matches;
    private final ActionFilters filters;
    private final Integer levelFloor;
    private final Keyset after;

    ActionQueryImpl(QueryContext context, Function<EntityManager, List<Match>> matches, Integer levelFloor) {
        this(context, matches, ActionFilters.NONE, levelFloor, null);
    }

    private ActionQueryImpl(QueryContext context, Function<EntityManager, List<Match>> matches, ActionFilters filters,
            Integer levelFloor, Keyset after) {
        this.context = context;
        this.matches = matches;
        this.filters = filters;
        this.levelFloor = levelFloor;
        this.after = after;
    }

    @Override
    public ActionQuery verbs(String... verbs) {
        for (String verb : verbs) {
            ActionRequests.requireVerb(verb);
        }
        return with(filters.withVerbs(Set.of(verbs)), after);
    }

    @Override
    public ActionQuery minLevel(int level) {
        return with(filters.withMinLevel(level), after);
    }

    @Override
    public ActionQuery minLevel(String levelName) {
        return minLevel(context.settings().level(levelName).value());
    }

    @Override
    public ActionQuery since(Instant since) {
        return with(filters.withSince(since), after);
    }

    @Override
    public ActionQuery until(Instant until) {
        return with(filters.withUntil(until), after);
    }

    @Override
    public ActionQuery unreadFor(Object user) {
        return with(filters.withUnreadFor(context.users().apply(user)), after);
    }

    @Override
    public ActionQuery after(String cursor) {
        return with(filters, cursor == null ? null : Keyset.decode(cursor));
    }

    @Override
    public ActionPage page(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problem.INVALID_PAGE_SIZE.exception(size, MAX_PAGE_SIZE);
        }
        return context.unitOfWork().read(context.unit(), em -> {
            List<Match> selected = matches.apply(em);
            if (selected.isEmpty()) {
                return new ActionPage(List.of(), null);
            }
            List<Object[]> rows = newestRows(em, selected, size + 1);
            List<Long> ids = new ArrayList<>(size);
            for (int i = 0; i < Math.min(size, rows.size()); i++) {
                ids.add(((Number) rows.get(i)[0]).longValue());
            }
            String next = null;
            if (rows.size() > size) {
                Object[] last = rows.get(size - 1);
                next = new Keyset((Instant) last[1], ((Number) last[0]).longValue()).encode();
            }
            return new ActionPage(context.loader().load(em, ids), next);
        });
    }

    /**
     * The ids and times of the newest {@code limit} matching actions before the cursor. The query is first
     * limited to an hour below the cursor (or the present), then a day, a month, the whole history, stopping as
     * soon as it yields {@code limit} rows: each tracked key's index range is then read from the window's
     * start, not from the oldest action, so a page of a busy feed costs about what its own actions cost
     * however long the history (a quiet feed has few rows to read anyway). The rows are exactly those of the
     * unlimited query: every action newer than the window's start is in the window.
     */
    private List<Object[]> newestRows(EntityManager em, List<Match> selected, int limit) {
        ActionFilters effective = effectiveFilters();
        Instant anchor = after != null ? after.timestamp() : context.clock().instant();
        for (int step = 0; ; step++) {
            Instant windowStart = step < WINDOWS.size() ? anchor.minus(WINDOWS.get(step)) : null;
            boolean everything = windowStart == null
                    || (effective.since() != null && !windowStart.isAfter(effective.since()));
            ActionSelection selection = ActionSelection.of(selected, effective, after, everything ? null : windowStart);
            TypedQuery<Object[]> query = em.createQuery("SELECT DISTINCT r.actionId, r.timestamp FROM ActrackActionRef r WHERE "
                    + selection.where() + " ORDER BY r.timestamp DESC, r.actionId DESC", Object[].class);
            selection.bind(query);
            List<Object[]> rows = query.setMaxResults(limit).getResultList();
            if (everything || rows.size() >= limit) {
                return rows;
            }
        }
    }

    @Override
    public long count() {
        return context.unitOfWork().read(context.unit(), em -> {
            List<Match> selected = matches.apply(em);
            if (selected.isEmpty()) {
                return 0L;
            }
            ActionSelection selection = ActionSelection.of(selected, effectiveFilters(), null);
            TypedQuery<Long> query = em.createQuery(
                    "SELECT COUNT(DISTINCT r.actionId) FROM ActrackActionRef r WHERE " + selection.where(), Long.class);
            selection.bind(query);
            return query.getSingleResult();
        });
    }

    private ActionFilters effectiveFilters() {
        return levelFloor == null ? filters : filters.atLeast(levelFloor);
    }

    private ActionQueryImpl with(ActionFilters newFilters, Keyset newAfter) {
        return new ActionQueryImpl(context, matches, newFilters, levelFloor, newAfter);
    }

    /** What every query of one engine shares. */
    record QueryContext(UnitOfWork unitOfWork, ActionLoader loader, org.actrack.ActrackSettings settings, String unit,
            Function<Object, org.actrack.ObjectRef> users, java.time.Clock clock) {
    }
}
