/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.tracking;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.actrack.ActrackSettings;
import org.actrack.ObjectRef;
import org.actrack.engine.model.Role;
import org.actrack.engine.model.UtcInstantConverter;
import org.actrack.engine.sql.JdbcBatch;
import org.actrack.engine.sql.ProviderHooks;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.write.PendingAction;

/**
 * Unread state, kept when actions are written (spec §0.4): an action is unread for every user with a
 * tracker that matches it (instance or whole type, verbs and actor-only honoured) and was created before
 * it, when its level is readable and unread tracking is on; once per user however many trackers match.
 * Reading feeds and counts never writes. Unread marks are always a subset of the user's feed: when a
 * tracker goes, changes or stops matching because an entity was removed, the marks no tracker matches
 * any more go too ({@link #pruneOwner}, {@link #pruneActionsReferring}).
 *
 * <p>Cost of writing one action: one {@code INSERT … SELECT} that matches the trackers in the database
 * (served by {@code actrack_tracker_tracked_ix}), however many users track it. Actions whose marks wait (a bulk
 * call, a request, a transaction queue that writes them at commit) first have the trackers of all their objects
 * read with one query ({@link #writtenAll}), and those nobody tracks cost nothing more. The statement share-locks
 * the trackers it matches ({@link SqlDialect#lockingRead}), so that an untrack running at the same time
 * either sees the new marks and prunes them, or deletes the tracker before the marks are made. Counting and marking all
 * read are one range of {@code actrack_unread_owner_ix (owner_key, action_id)}.
 */
public final class UnreadMarks {

    private static final int CHUNK = 500;

    /** Takes a user's tracker owner row (see {@link #lockOwner}). */
    private static final String LOCK_OWNER =
            "UPDATE actrack_tracker_owner SET owner_key = owner_key WHERE owner_key = ?1";

    /**
     * The trackers of the user {@code t.owner_key} that match the reference row {@code r} of an action:
     * instance or whole type, actor-only, created no later than the action, verbs.
     */
    private static final String TRACKER_MATCHES_REFERENCE = "(t.tracked_key = r.ref_key OR t.tracked_key = r.ref_type)"
            + " AND (t.actor_only = ?1 OR r.role = '" + Role.ACTOR.name() + "') AND t.created_at <= r.action_time"
            + " AND (NOT EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id)"
            + " OR EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id AND v.verb = r.verb))";

    /** Deletes the marks of {@code actrack_unread} rows selected by a condition that no tracker of their owner matches. */
    private static final String PRUNE = "DELETE FROM actrack_unread WHERE %s AND NOT EXISTS (SELECT 1"
            + " FROM actrack_action_ref r, actrack_tracker t WHERE r.action_id = actrack_unread.action_id"
            + " AND t.owner_key = actrack_unread.owner_key AND " + TRACKER_MATCHES_REFERENCE + ")";

    private final ActrackSettings settings;
    private final SqlDialect.Detection dialects;
    private final ProviderHooks provider;
    private final PositionUnread positions;
    private final UtcInstantConverter instants = new UtcInstantConverter();

    /** Before every action: the seen position of a user who never marked their feed seen (MariaDB's DATETIME starts at 1000). */
    private static final LocalDateTime NEVER_SEEN = LocalDateTime.of(1000, 1, 1, 0, 0);

    /** @param positions the verbs unread by position, and the SQL of their unread state */
    public UnreadMarks(
            ActrackSettings settings, SqlDialect.Detection dialects, ProviderHooks provider, PositionUnread positions) {
        this.settings = settings;
        this.dialects = dialects;
        this.provider = provider;
        this.positions = positions;
    }

    /** The verbs unread by position, and the SQL of their unread state. */
    public PositionUnread positions() {
        return positions;
    }

    /**
     * Marks a new action unread for the users who track it, matched in the database by one statement. The
     * statement does not flush the persistence context (it reads trackers only, and trackers are written
     * when they are changed), so the rows of many logged actions still go to the database together.
     *
     * @return the marks written
     */
    public int written(EntityManager em, long actionId, PendingAction action) {
        if (!marksUnread(action)) {
            return 0;
        }
        if (positions.appliesTo(action.verb())) {
            broadcast(em, actionId, action);
            return 0;
        }
        JdbcBatch.Statement marks = marking(em, actionId, action);
        return nativeQuery(em, marks.sql(), marks.parameters()).executeUpdate();
    }

    /** The {@code INSERT … SELECT} of {@link #written}. */
    private JdbcBatch.Statement marking(EntityManager em, long actionId, PendingAction action) {
        List<Object> parameters =
                new ArrayList<>(List.of(actionId, instants.convertToDatabaseColumn(action.timestamp())));
        String owners = matchingOwners(em, action, parameters);
        return new JdbcBatch.Statement(
                "INSERT INTO actrack_unread (owner_key, action_id, action_time) SELECT DISTINCT m.owner_key, ?1, "
                        + dialects.of(em).timestampParameter("?2") + " FROM (" + owners + ") m",
                parameters);
    }

    /**
     * A sub-select of the owners of the trackers that match the action, share-locking those trackers (see
     * {@link SqlDialect#lockingRead}). Always part of an {@code INSERT}: a provider sends a modifying
     * statement on the transaction's own connection, where a locking read alone might go elsewhere.
     */
    private String matchingOwners(EntityManager em, PendingAction action, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT t.owner_key FROM actrack_tracker t WHERE t.tracked_key IN (");
        appendParameters(sql, parameters, padded(trackedKeysOf(action)));
        sql.append(") AND t.created_at <= ")
                .append(parameter(parameters, instants.convertToDatabaseColumn(action.timestamp())));
        ObjectRef actor = action.actor();
        if (actor == null) {
            sql.append(" AND t.actor_only = ").append(parameter(parameters, Boolean.FALSE));
        } else {
            sql.append(" AND (t.actor_only = ")
                    .append(parameter(parameters, Boolean.FALSE))
                    .append(" OR t.tracked_key IN (");
            appendParameters(sql, parameters, List.of(actor.key(), actor.type()));
            sql.append("))");
        }
        String verb = parameter(parameters, action.verb());
        sql.append(" AND (NOT EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id)")
                .append(" OR EXISTS (SELECT 1 FROM actrack_tracker_verb v WHERE v.tracker_id = t.id AND v.verb = ")
                .append(verb)
                .append("))");
        return dialects.of(em).lockingRead(sql.toString());
    }

    /**
     * Marks many new actions unread for the users who track them. One query reads the trackers of all their
     * objects; an action no tracker matches costs nothing more, the others one {@code INSERT … SELECT} each,
     * as {@link #written} does (the database matches faster than a provider binds thousands of parameters:
     * EclipseLink binds those of a native query in quadratic time), sent as one JDBC batch on the transaction's
     * connection where the provider lends it ({@link ProviderHooks#executeAll}): the same statements and row
     * locks, one round trip.
     *
     * @return the marks written
     */
    public long writtenAll(EntityManager em, Map<Long, PendingAction> actions) {
        Map<Long, PendingAction> readable = new LinkedHashMap<>();
        actions.forEach((id, action) -> {
            if (marksUnread(action)) {
                if (positions.appliesTo(action.verb())) {
                    broadcast(em, id, action);
                } else {
                    readable.put(id, action);
                }
            }
        });
        if (readable.isEmpty()) {
            return 0;
        }
        Set<String> keys = new LinkedHashSet<>();
        readable.values().forEach(action -> keys.addAll(trackedKeysOf(action)));
        SqlDialect dialect = dialects.of(em);
        List<TrackerRow> trackers = TrackerRow.tracking(em, dialect, keys, UnreadMarks::unflushedRows);
        List<JdbcBatch.Statement> marks = new ArrayList<>();
        readable.forEach((id, action) -> {
            if (trackers.stream()
                    .anyMatch(tracker -> !tracker.createdAt().isAfter(action.timestamp()) && tracker.matches(action))) {
                marks.add(marking(em, id, action));
            }
        });
        return provider.executeAll(em, new JdbcBatch(dialect.batchesInsertSelect()), marks);
    }

    /**
     * After a merge: marks the action unread for the users who track it now and did not before (nor have a
     * mark already), matched in the database with the trackers share-locked, as {@link #written} does.
     *
     * @return the marks written
     */
    public int changed(EntityManager em, long actionId, PendingAction before, PendingAction after) {
        if (!marksUnread(after)) {
            return 0;
        }
        if (positions.appliesTo(after.verb())) {
            broadcast(em, actionId, after);
            return 0;
        }
        List<Object> parameters =
                new ArrayList<>(List.of(actionId, instants.convertToDatabaseColumn(after.timestamp())));
        StringBuilder sql = new StringBuilder("INSERT INTO actrack_unread (owner_key, action_id, action_time)"
                        + " SELECT DISTINCT m.owner_key, ?1, " + dialects.of(em).timestampParameter("?2") + " FROM (")
                .append(matchingOwners(em, after, parameters))
                .append(
                        ") m WHERE NOT EXISTS (SELECT 1 FROM actrack_unread u WHERE u.owner_key = m.owner_key AND u.action_id = ?1)");
        Set<String> earlier = marksUnread(before) ? readers(em, dialects.of(em), before) : Set.of();
        if (!earlier.isEmpty()) {
            sql.append(" AND m.owner_key NOT IN (");
            appendParameters(sql, parameters, earlier);
            sql.append(")");
        }
        return nativeQuery(em, sql.toString(), parameters).executeUpdate();
    }

    /**
     * Makes the action unread by position ({@link PositionUnread}): one row, whatever the number of its followers; none
     * when it has one already (an action that grew by grouping).
     */
    private void broadcast(EntityManager em, long actionId, PendingAction action) {
        nativeQuery(
                        em,
                        dialects.of(em)
                                .insertUnlessPresent(
                                        "actrack_broadcast",
                                        List.of("action_id", "action_time"),
                                        List.of("BIGINT", "TIMESTAMP(6)"),
                                        "action_id"),
                        List.of(actionId, instants.convertToDatabaseColumn(action.timestamp())))
                .executeUpdate();
        positions.written();
    }

    /** Forgets the unread state of an action that is removed. */
    public void removed(EntityManager em, long actionId) {
        for (String entity : List.of("ActrackUnread", "ActrackBroadcast", "ActrackReadMark")) {
            em.createQuery("DELETE FROM " + entity + " u WHERE u.actionId = :id")
                    .setParameter("id", actionId)
                    .executeUpdate();
        }
    }

    /** After the user's trackers changed: forgets the user's marks that none of the user's trackers matches now. */
    void pruneOwner(EntityManager em, ObjectRef owner) {
        nativeQuery(em, String.format(PRUNE, "owner_key = ?2"), List.of(Boolean.FALSE, owner.key()))
                .executeUpdate();
    }

    /**
     * After the references to an object were replaced (its removal): forgets the marks of the actions that
     * refer to {@code ref} now that no tracker of their owner matches.
     */
    public void pruneActionsReferring(EntityManager em, ObjectRef ref) {
        nativeQuery(
                        em,
                        String.format(
                                PRUNE,
                                "action_id IN (SELECT x.action_id FROM actrack_action_ref x WHERE x.ref_key = ?2)"),
                        List.of(Boolean.FALSE, ref.key()))
                .executeUpdate();
    }

    public boolean isUnread(EntityManager em, ObjectRef user, long actionId) {
        return !unreadAmong(em, user, List.of(actionId)).isEmpty();
    }

    /** The ids among {@code actionIds} that are unread for the user: marked, or unread by position. */
    public Set<Long> unreadAmong(EntityManager em, ObjectRef user, List<Long> actionIds) {
        Set<Long> unread = markedAmong(em, user, actionIds);
        unread.addAll(unreadByPositionAmong(em, user, actionIds).keySet());
        return unread;
    }

    /** The ids among {@code actionIds} that have an unread mark of the user. */
    private Set<Long> markedAmong(EntityManager em, ObjectRef user, List<Long> actionIds) {
        Set<Long> unread = new HashSet<>();
        for (int from = 0; from < actionIds.size(); from += CHUNK) {
            unread.addAll(em.createQuery(
                            "SELECT u.actionId FROM ActrackUnread u WHERE u.ownerKey = :owner"
                                    + " AND u.actionId IN :ids",
                            Long.class)
                    .setParameter("owner", user.key())
                    .setParameter("ids", actionIds.subList(from, Math.min(actionIds.size(), from + CHUNK)))
                    .getResultList());
        }
        return unread;
    }

    /** The ids among {@code actionIds} unread by position for the user, with their actions' times. */
    private Map<Long, Object> unreadByPositionAmong(EntityManager em, ObjectRef user, List<Long> actionIds) {
        Map<Long, Object> unread = new LinkedHashMap<>();
        if (actionIds.isEmpty() || !positions.inUse(em)) {
            return unread;
        }
        SqlDialect dialect = dialects.of(em);
        for (int from = 0; from < actionIds.size(); from += CHUNK) {
            List<Long> chunk = actionIds.subList(from, Math.min(actionIds.size(), from + CHUNK));
            for (Object[] row : pairRows(
                    em, user, p -> dialect.oneOfIds("pb.action_id", chunk, p), "DISTINCT p.action_id, p.action_time")) {
                unread.put(((Number) row[0]).longValue(), row[1]);
            }
        }
        return unread;
    }

    /**
     * Marks actions read for the user when auto-read is on or {@code force} is given.
     *
     * @return for each action, in order, whether it was unread and is now read
     */
    public List<Boolean> markRead(EntityManager em, ObjectRef user, List<Long> actionIds, boolean force) {
        List<Boolean> flags = new ArrayList<>(actionIds.size());
        if (!settings.autoRead() && !force) {
            actionIds.forEach(id -> flags.add(false));
            return flags;
        }
        lockOwner(em, user);
        Set<Long> unread = markedAmong(em, user, actionIds);
        Map<Long, Object> byPosition = unreadByPositionAmong(em, user, actionIds);
        actionIds.forEach(id -> flags.add(unread.contains(id) || byPosition.containsKey(id)));
        // An action unread by position is read once the user has a read mark of it (PositionUnread).
        byPosition.forEach((id, time) -> {
            nativeQuery(
                            em,
                            // Unless present: under MariaDB's repeatable read, a call that waited for the owner's
                            // row may not see the mark the call before it wrote.
                            dialects.of(em)
                                    .insertUnlessPresent(
                                            "actrack_read_mark",
                                            List.of("owner_key", "action_id", "action_time"),
                                            List.of("VARCHAR(255)", "BIGINT", "TIMESTAMP(6)"),
                                            "owner_key",
                                            "action_id"),
                            List.of(user.key(), id, time))
                    .executeUpdate();
        });
        List<Long> toDelete = new ArrayList<>(new java.util.TreeSet<>(unread));
        for (int from = 0; from < toDelete.size(); from += CHUNK) {
            em.createQuery("DELETE FROM ActrackUnread u WHERE u.ownerKey = :owner AND u.actionId IN :ids")
                    .setParameter("owner", user.key())
                    .setParameter("ids", toDelete.subList(from, Math.min(toDelete.size(), from + CHUNK)))
                    .executeUpdate();
        }
        return flags;
    }

    public long count(EntityManager em, ObjectRef user) {
        return em.createQuery("SELECT COUNT(u) FROM ActrackUnread u WHERE u.ownerKey = :owner", Long.class)
                        .setParameter("owner", user.key())
                        .getSingleResult()
                + countByPosition(em, user, PositionUnread.Condition.NONE);
    }

    /**
     * How many actions are unread by position for the user, among those {@code actions} selects (over
     * {@code pb.action_time}); {@code 0} without a statement while none may be.
     */
    private long countByPosition(EntityManager em, ObjectRef user, PositionUnread.Condition actions) {
        if (!positions.inUse(em)) {
            return 0;
        }
        return ((Number) pairRows(em, user, actions, "COUNT(DISTINCT p.action_id)")
                        .get(0)[0])
                .longValue();
    }

    /**
     * The rows of {@code SELECT <columns> FROM (pairs) p}: the user's pairs of {@link PositionUnread} among those
     * {@code actions} selects, read from the user's trackers first.
     */
    private List<Object[]> pairRows(
            EntityManager em, ObjectRef user, PositionUnread.Condition actions, String columns) {
        List<Object> parameters = new ArrayList<>();
        String pairs = positions.pairs(
                dialects.of(em), PositionUnread.Condition.ownerIs("pt.owner_key", user), actions, parameters);
        return provider.nativeRows(em, "SELECT " + columns + " FROM (" + pairs + ") p", parameters);
    }

    /**
     * Moves the user's seen position forward to {@code now} (never back: a node whose clock lags cannot unsee what
     * another marked seen). A user with no owner row has no unread action, so nothing is written for them.
     */
    public void markSeen(EntityManager em, ObjectRef user, Instant now) {
        em.createNativeQuery("UPDATE actrack_tracker_owner SET seen_at = ?1"
                        + " WHERE owner_key = ?2 AND (seen_at IS NULL OR seen_at < ?1)")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(2, user.key())
                .executeUpdate();
    }

    /** Every action unread for the user, marked or by position, in id order: what an export of their data lists. */
    public List<Long> allUnread(EntityManager em, ObjectRef user) {
        Set<Long> ids = new java.util.TreeSet<>(
                em.createQuery("SELECT u.actionId FROM ActrackUnread u WHERE u.ownerKey = :key", Long.class)
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter("key", user.key())
                        .getResultList());
        if (positions.inUse(em)) {
            pairRows(em, user, PositionUnread.Condition.NONE, "DISTINCT p.action_id")
                    .forEach(row -> ids.add(((Number) row[0]).longValue()));
        }
        return List.copyOf(ids);
    }

    /** The user's read position ({@link PositionUnread}); empty before they first marked all read. */
    public Optional<Instant> readUntil(EntityManager em, ObjectRef user) {
        return em.createQuery("SELECT o.readAt FROM ActrackTrackerOwner o WHERE o.ownerKey = :owner", Instant.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("owner", user.key())
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The user's seen position; empty before they first marked their feed seen. */
    public Optional<Instant> seenUntil(EntityManager em, ObjectRef user) {
        return em.createQuery("SELECT o.seenAt FROM ActrackTrackerOwner o WHERE o.ownerKey = :owner", Instant.class)
                .setParameter("owner", user.key())
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * How many of the user's unread actions are newer than their seen position (all of them before the first mark): one
     * statement, a range of {@code actrack_unread_owner_ix} (whose marks carry their actions' times) from the seen
     * position, which a sub-select reads first.
     */
    public long countUnseen(EntityManager em, ObjectRef user) {
        Object count = em.createNativeQuery("SELECT COUNT(*) FROM actrack_unread u WHERE u.owner_key = ?1"
                        + " AND u.action_time > COALESCE((SELECT o.seen_at FROM actrack_tracker_owner o"
                        + " WHERE o.owner_key = ?1), " + dialects.of(em).timestampParameter("?2") + ")")
                .setParameter(1, user.key())
                .setParameter(2, NEVER_SEEN)
                .getSingleResult();
        return ((Number) count).longValue()
                + countByPosition(em, user, parameters -> "(po.seen_at IS NULL OR pb.action_time > po.seen_at)");
    }

    /**
     * Marks everything read for the user: deletes their marks and, while actions may be unread by position, moves their
     * read position forward to {@code now} (never back) and forgets the read marks it passed.
     *
     * @return how many actions were unread (those unread by position stamped after {@code now} stay unread)
     */
    public int markAllRead(EntityManager em, ObjectRef user, Instant now) {
        int marks = deleteMarks(em, user);
        if (!positions.inUse(em)) {
            return marks;
        }
        LocalDateTime position = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        SqlDialect dialect = dialects.of(em);
        long byPosition = countByPosition(em, user, parameters -> {
            parameters.add(position);
            return "pb.action_time <= " + dialect.timestampParameter("?");
        });
        nativeQuery(
                        em,
                        "UPDATE actrack_tracker_owner SET read_at = " + dialect.timestampParameter("?1")
                                + " WHERE owner_key = ?2 AND (read_at IS NULL OR read_at < "
                                + dialect.timestampParameter("?1") + ")",
                        List.of(position, user.key()))
                .executeUpdate();
        nativeQuery(
                        em,
                        "DELETE FROM actrack_read_mark WHERE owner_key = ?1 AND action_time <= "
                                + dialect.timestampParameter("?2"),
                        List.of(user.key(), position))
                .executeUpdate();
        return (int) (marks + byPosition);
    }

    /** Deletes the user's unread marks, with the user's owner row taken first; returns how many there were. */
    private int deleteMarks(EntityManager em, ObjectRef user) {
        int[] deleted = new int[1];
        // On the transaction's connection where the provider lends it: two plain statements, without the provider's
        // work per query, which was most of what the owner's lock added to marking all read (W4).
        if (provider.withConnection(em, connection -> {
            try (java.sql.PreparedStatement lock = connection.prepareStatement(LOCK_OWNER.replace("?1", "?"))) {
                lock.setString(1, user.key());
                lock.executeUpdate();
            }
            try (java.sql.PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM actrack_unread WHERE owner_key = ?")) {
                delete.setString(1, user.key());
                deleted[0] = delete.executeUpdate();
            }
        })) {
            return deleted[0];
        }
        lockOwner(em, user);
        return em.createQuery("DELETE FROM ActrackUnread u WHERE u.ownerKey = :owner")
                .setParameter("owner", user.key())
                .executeUpdate();
    }

    /**
     * Takes the user's tracker owner row ({@code actrack_tracker_owner}) before the user's marks are deleted, as
     * {@code track} and {@code untrack} take it before they prune them: a user's marks are then deleted by one
     * transaction at a time, whatever order the database's plan deletes rows in (PostgreSQL deletes in the order of the
     * heap when it scans by bitmap), so two mark-read calls for one user never wait for each other in a cycle. A user
     * who never tracked anything has no row and no marks to share. An update, so that it runs on the transaction's own
     * connection; it changes nothing.
     */
    private static void lockOwner(EntityManager em, ObjectRef user) {
        em.createNativeQuery(LOCK_OWNER)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, user.key())
                .executeUpdate();
    }

    /**
     * Whether the action can be unread for anyone: unread state on, a readable level, and some object for a tracker
     * to match (an action with no actor, target or related object matches no tracker; an empty key list would also
     * be invalid SQL on PostgreSQL and MariaDB).
     */
    private boolean marksUnread(PendingAction action) {
        return settings.trackUnread()
                && action.level() >= settings.readableLevel()
                && (action.actor() != null
                        || !action.targets().isEmpty()
                        || !action.related().isEmpty());
    }

    /** The keys a tracker of the action's objects has: each object's key and its type (whole-type trackers). */
    private static Set<String> trackedKeysOf(PendingAction action) {
        Set<String> keys = new LinkedHashSet<>();
        List<ObjectRef> objects = new ArrayList<>(action.targets());
        objects.addAll(action.related());
        if (action.actor() != null) {
            objects.add(action.actor());
        }
        objects.forEach(ref -> {
            keys.add(ref.key());
            keys.add(ref.type());
        });
        return keys;
    }

    /**
     * The keys, the last repeated up to the next power of two (at least 8): the marks of a transaction's actions then
     * share one statement text whatever their number of objects, so they go in one JDBC batch in the order of their
     * action ids. Batched by text, each user's marks would be inserted in two or more passes, into the middle of the
     * user's range of {@code actrack_unread}'s primary key rather than at its end, splitting its pages (measured on
     * PostgreSQL with actrack-bench W1: a fifth slower per mark).
     */
    private static List<String> padded(Set<String> keys) {
        List<String> padded = new ArrayList<>(keys);
        int size = Math.max(8, Integer.highestOneBit(Math.max(1, padded.size() - 1)) << 1);
        String last = padded.get(padded.size() - 1);
        while (padded.size() < size) {
            padded.add(last);
        }
        return padded;
    }

    /** The users whose trackers match the action and were created no later than it. */
    private static Set<String> readers(EntityManager em, SqlDialect dialect, PendingAction action) {
        Set<String> readers = new LinkedHashSet<>();
        for (TrackerRow tracker : TrackerRow.tracking(em, dialect, trackedKeysOf(action), UnreadMarks::unflushedRows)) {
            if (!tracker.createdAt().isAfter(action.timestamp()) && tracker.matches(action)) {
                readers.add(tracker.owner().key());
            }
        }
        return readers;
    }

    private static String parameter(List<Object> parameters, Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private static void appendParameters(StringBuilder sql, List<Object> parameters, Collection<?> values) {
        String separator = "";
        for (Object value : values) {
            sql.append(separator).append(parameter(parameters, value));
            separator = ", ";
        }
    }

    /** A native statement that leaves the persistence context unflushed. */
    /** The rows of a native read that never flushes the persistence context (see {@link TrackerRow#tracking}). */
    @SuppressWarnings("unchecked")
    private static List<Object[]> unflushedRows(EntityManager em, String sql, List<Object> parameters) {
        return nativeQuery(em, sql, parameters).getResultList();
    }

    private static Query nativeQuery(EntityManager em, String sql, List<Object> parameters) {
        Query query = em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
