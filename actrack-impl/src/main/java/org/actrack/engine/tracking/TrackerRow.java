/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.tracking;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.Tracker;
import org.actrack.engine.Problem;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.read.ActionSelection;
import org.actrack.engine.read.Match;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.write.PendingAction;

/**
 * A tracker as plain values, read with its verbs in one query (loading tracker entities would load each
 * tracker's verbs with a query of its own).
 *
 * @param id the tracker's id
 * @param owner the owner
 * @param tracked the tracked object or whole type
 * @param actorOnly whether only the actor role matches
 * @param createdAt when it was created
 * @param verbs its verbs, empty for all
 * @param flag its flag, empty for none
 */
public record TrackerRow(
        long id,
        ObjectRef owner,
        ObjectRef tracked,
        boolean actorOnly,
        Instant createdAt,
        Set<String> verbs,
        String flag) {

    private static final int KEYS_PER_STATEMENT = 1000;

    /** The select list of {@link #read}: a tracker's values and one of its verbs per row. */
    public static final String COLUMNS =
            "t.id, t.ownerType, t.ownerId, t.trackedType, t.trackedId, t.actorOnly, t.createdAt, v, t.flag";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM ActrackTracker t LEFT JOIN t.verbs v WHERE ";

    /** The trackers a user owns, oldest first (served by {@code actrack_tracker_uk}). */
    public static List<TrackerRow> ownedBy(EntityManager em, ObjectRef owner) {
        return read(em.createQuery(SELECT + "t.ownerKey = :owner ORDER BY t.createdAt, t.id", Object[].class)
                .setParameter("owner", owner.key())
                .getResultList());
    }

    /**
     * What the trackers of a user select in a feed, read with the least a feed needs (no owner columns, no
     * timestamps, no order): one native query whatever the number of trackers, a row per tracker and verb, run by
     * {@code rows} (the provider seam's plain JDBC where it has one: a feed page reads it every time).
     */
    public static List<Match> feedMatches(EntityManager em, ObjectRef owner, NativeRows rows) {
        // By tracker: a user may track one object several times, with different flags.
        Map<Long, Object[]> trackers = new LinkedHashMap<>();
        Map<Long, Set<String>> verbs = new LinkedHashMap<>();
        for (Object[] row : rows.read(
                em,
                "SELECT t.id, t.tracked_type, t.tracked_id, t.actor_only, v.verb"
                        + " FROM actrack_tracker t LEFT JOIN actrack_tracker_verb v ON v.tracker_id = t.id WHERE t.owner_key = ?",
                List.of(owner.key()))) {
            long key = ((Number) row[0]).longValue();
            trackers.putIfAbsent(key, row);
            Set<String> trackerVerbs = verbs.computeIfAbsent(key, k -> new LinkedHashSet<>());
            if (row[4] != null) {
                trackerVerbs.add((String) row[4]);
            }
        }
        List<Match> matches = new ArrayList<>(trackers.size());
        trackers.forEach((key, row) -> matches.add(
                Match.tracking(new ObjectRef((String) row[1], (String) row[2]), flag(row[3]), verbs.get(key))));
        return matches;
    }

    /** How actrack's native reads are run: {@link UnitOfWork#nativeRows}. */
    @FunctionalInterface
    public interface NativeRows {
        List<Object[]> read(EntityManager em, String sql, List<Object> parameters);
    }

    /** A BOOLEAN column as a driver returns it: a {@code Boolean}, or a number where the type is {@code TINYINT(1)}. */
    private static boolean flag(Object column) {
        return column instanceof Boolean flag ? flag : ((Number) column).intValue() != 0;
    }

    /**
     * The trackers of these tracked keys (served by {@code actrack_tracker_tracked_ix}), a thousand keys a statement,
     * in native SQL whose text does not depend on the number of keys where the database has arrays (a JPQL
     * {@code IN :keys} was prepared again by the provider on every call: a fifth of the time of logging). {@code rows}
     * must never flush the persistence context: trackers are written when they change, and this read may run in a JTA
     * {@code beforeCompletion}, after the provider's own flush, where another flush would write its rows twice.
     */
    public static List<TrackerRow> tracking(
            EntityManager em, SqlDialect dialect, Collection<String> trackedKeys, NativeRows rows) {
        List<String> keys = List.copyOf(trackedKeys);
        List<Object[]> all = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
            List<Object> parameters = new ArrayList<>();
            String sql =
                    "SELECT t.id, t.owner_type, t.owner_id, t.tracked_type, t.tracked_id, t.actor_only, t.created_at, v.verb,"
                            + " t.flag"
                            + " FROM actrack_tracker t LEFT JOIN actrack_tracker_verb v ON v.tracker_id = t.id WHERE "
                            + dialect.oneOf(
                                    "t.tracked_key",
                                    keys.subList(from, Math.min(keys.size(), from + KEYS_PER_STATEMENT)),
                                    parameters)
                            + " ORDER BY t.id";
            for (Object[] row : rows.read(em, sql, parameters)) {
                row[5] = flag(row[5]);
                row[6] = ActionSelection.instant(row[6]);
                all.add(row);
            }
        }
        return read(all);
    }

    /** Trackers from rows selected with {@link #COLUMNS}, in the order of their first rows. */
    public static List<TrackerRow> read(List<Object[]> rows) {
        Map<Long, Object[]> first = new LinkedHashMap<>();
        Map<Long, Set<String>> verbs = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            first.putIfAbsent(id, row);
            Set<String> trackerVerbs = verbs.computeIfAbsent(id, key -> new LinkedHashSet<>());
            if (row[7] != null) {
                trackerVerbs.add((String) row[7]);
            }
        }
        return first.entrySet().stream()
                .map(entry -> {
                    Object[] row = entry.getValue();
                    return new TrackerRow(
                            entry.getKey(),
                            ObjectRef.of((String) row[1], (String) row[2]),
                            new ObjectRef((String) row[3], (String) row[4]),
                            (Boolean) row[5],
                            (Instant) row[6],
                            Set.copyOf(verbs.get(entry.getKey())),
                            (String) row[8]);
                })
                .toList();
    }

    /**
     * A flag as given to {@code Options.flag} or a tracker query, checked: 1 to {@value Tracker#FLAG_MAX_LENGTH}
     * characters, not blank.
     */
    public static String requireFlag(String flag) {
        if (flag == null) {
            throw Problem.NULL_OBJECT.exception("flag");
        }
        if (flag.isBlank() || flag.length() > Tracker.FLAG_MAX_LENGTH) {
            throw Problem.INVALID_FLAG.exception(
                    flag.length() > 100 ? flag.substring(0, 100) + "…" : flag,
                    flag.isBlank() ? "blank" : flag.length() + " characters long",
                    Tracker.FLAG_MAX_LENGTH);
        }
        return flag;
    }

    /** Whether the tracker matches an action (spec §0.4 and §0.5: whole-type trackers match any instance). */
    public boolean matches(PendingAction action) {
        if (!verbs.isEmpty() && !verbs.contains(action.verb())) {
            return false;
        }
        if (covers(action.actor())) {
            return true;
        }
        return !actorOnly
                && (action.targets().stream().anyMatch(this::covers)
                        || action.related().stream().anyMatch(this::covers));
    }

    private boolean covers(ObjectRef ref) {
        return ref != null && (tracked.isWholeType() ? tracked.type().equals(ref.type()) : tracked.equals(ref));
    }
}
