/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.ObjectRef;
import org.actrack.engine.EntityReferences;
import org.actrack.engine.Problem;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.tracking.PositionUnread;
import org.actrack.spi.Fanout;
import org.actrack.spi.Notifications;

/**
 * The engine's {@link Fanout}: the new actions of the whole log by one index range ({@code actrack_action_time_ix}),
 * and the unread marks of many users by one statement per chunk of {@value #CHUNK} users.
 */
public final class EngineFanout implements Fanout {

    private static final int CHUNK = 500;

    private final UnitOfWork unitOfWork;
    private final String unit;
    private final ActionLoader loader;
    private final EntityReferences references;
    private final SqlDialect.Detection dialects;
    private final Optional<String> channel;
    private final PositionUnread positions;

    /** @param positions the actions unread by position, whose state is read besides the marks */
    public EngineFanout(
            UnitOfWork unitOfWork,
            String unit,
            ActionLoader loader,
            EntityReferences references,
            SqlDialect.Detection dialects,
            Optional<String> channel,
            PositionUnread positions) {
        this.positions = positions;
        this.unitOfWork = unitOfWork;
        this.unit = unit;
        this.loader = loader;
        this.references = references;
        this.dialects = dialects;
        this.channel = channel;
    }

    @Override
    public ObjectRef ref(Object entity) {
        return unitOfWork.read(unit, em -> references.of(em, entity, "entity"));
    }

    @Override
    public List<ActionKey> storedSince(Instant notBefore, ActionKey after, int limit) {
        if (limit < 1 || limit > MAX_KEYS) {
            throw Problem.INVALID_PAGE_SIZE.exception(limit, MAX_KEYS);
        }
        return unitOfWork.read(unit, em -> {
            LocalDateTime from = utc(notBefore);
            StringBuilder sql = new StringBuilder("SELECT id, action_time FROM actrack_action WHERE action_time >= ?1");
            List<Object> parameters = new ArrayList<>(List.of(from));
            if (after != null) {
                LocalDateTime time = utc(after.timestamp());
                sql.append(" AND action_time >= ?2 AND (action_time > ?3 OR (action_time = ?4 AND id > ?5))");
                parameters.addAll(List.of(time, time, time, after.id()));
            }
            // The limit is a number, never input: written into the statement so the database plans for it.
            sql.append(" ORDER BY action_time ASC, id ASC LIMIT ").append(limit);
            Query query = em.createNativeQuery(sql.toString()).setFlushMode(FlushModeType.COMMIT);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            List<ActionKey> keys = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                keys.add(new ActionKey(ActionSelection.instant(row[1]), ((Number) row[0]).longValue()));
            }
            return keys;
        });
    }

    @Override
    public List<Action> actions(List<Long> ids) {
        if (ids.size() > ActionQueryImpl.MAX_PAGE_SIZE) {
            throw Problem.INVALID_PAGE_SIZE.exception(ids.size(), ActionQueryImpl.MAX_PAGE_SIZE);
        }
        return unitOfWork.read(unit, em -> loader.load(em, List.copyOf(ids)));
    }

    @Override
    public Map<ObjectRef, Set<Long>> unreadAmong(Collection<ObjectRef> users, Collection<Long> actionIds) {
        if (users.isEmpty() || actionIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ObjectRef> byKey = byKey(users);
        List<String> keys = List.copyOf(byKey.keySet());
        List<Long> ids = List.copyOf(new HashSet<>(actionIds));
        return unitOfWork.read(unit, em -> {
            Map<ObjectRef, Set<Long>> unread = new HashMap<>();
            for (int u = 0; u < keys.size(); u += CHUNK) {
                for (int a = 0; a < ids.size(); a += CHUNK) {
                    for (Object[] row : em.createQuery(
                                    "SELECT u.ownerKey, u.actionId FROM ActrackUnread u WHERE u.ownerKey IN :owners"
                                            + " AND u.actionId IN :ids",
                                    Object[].class)
                            .setFlushMode(FlushModeType.COMMIT)
                            .setParameter("owners", keys.subList(u, Math.min(keys.size(), u + CHUNK)))
                            .setParameter("ids", ids.subList(a, Math.min(ids.size(), a + CHUNK)))
                            .getResultList()) {
                        unread.computeIfAbsent(byKey.get((String) row[0]), user -> new HashSet<>())
                                .add(((Number) row[1]).longValue());
                    }
                    if (positions.inUse(em)) {
                        List<String> owners = keys.subList(u, Math.min(keys.size(), u + CHUNK));
                        List<Long> chunk = ids.subList(a, Math.min(ids.size(), a + CHUNK));
                        SqlDialect dialect = dialects.of(em);
                        List<Object> parameters = new ArrayList<>();
                        String pairs = positions.pairs(
                                dialects.of(em),
                                p -> dialect.oneOf("pt.owner_key", owners, p),
                                p -> dialect.oneOfIds("pb.action_id", chunk, p),
                                parameters);
                        for (Object[] row : unitOfWork.nativeRows(
                                em, "SELECT DISTINCT p.owner_key, p.action_id FROM (" + pairs + ") p", parameters)) {
                            unread.computeIfAbsent(byKey.get((String) row[0]), user -> new HashSet<>())
                                    .add(((Number) row[1]).longValue());
                        }
                    }
                }
            }
            return unread;
        });
    }

    @Override
    public Map<ObjectRef, Long> unreadCounts(Collection<ObjectRef> users) {
        return countsByOwner(users, (em, owners) -> {
            List<Object[]> rows = new ArrayList<>(counted(em, owners));
            rows.addAll(countedByPosition(em, owners, PositionUnread.Condition.NONE));
            return rows;
        });
    }

    /**
     * How many actions are unread by position for each of the owners, among those {@code actions} selects (over the
     * aliases of {@link PositionUnread}'s pairs); no statement while no action may be.
     */
    private List<Object[]> countedByPosition(EntityManager em, List<String> owners, PositionUnread.Condition actions) {
        if (!positions.inUse(em)) {
            return List.of();
        }
        SqlDialect dialect = dialects.of(em);
        List<Object> parameters = new ArrayList<>();
        String pairs =
                positions.pairs(dialects.of(em), p -> dialect.oneOf("pt.owner_key", owners, p), actions, parameters);
        return unitOfWork.nativeRows(
                em,
                "SELECT p.owner_key, COUNT(DISTINCT p.action_id) FROM (" + pairs + ") p GROUP BY p.owner_key",
                parameters);
    }

    @Override
    public Map<ObjectRef, Long> unseenCounts(Collection<ObjectRef> users) {
        return countsByOwner(users, (em, owners) -> {
            List<Object> parameters = new java.util.ArrayList<>();
            // Each owner's marks, by the owner's index, which holds their actions' times: no action is read.
            String sql = "SELECT u.owner_key, COUNT(*) FROM actrack_unread u"
                    + " LEFT JOIN actrack_tracker_owner o ON o.owner_key = u.owner_key WHERE "
                    + dialects.of(em).oneOf("u.owner_key", owners, parameters)
                    + " AND (o.seen_at IS NULL OR u.action_time > o.seen_at) GROUP BY u.owner_key";
            List<Object[]> rows = new ArrayList<>(unitOfWork.nativeRows(em, sql, parameters));
            rows.addAll(countedByPosition(em, owners, p -> "(po.seen_at IS NULL OR pb.action_time > po.seen_at)"));
            return rows;
        });
    }

    /** A count per user ({@code 0} included), read {@value #CHUNK} owners a statement as rows of key and count. */
    private Map<ObjectRef, Long> countsByOwner(
            Collection<ObjectRef> users,
            java.util.function.BiFunction<EntityManager, List<String>, List<Object[]>> read) {
        Map<String, ObjectRef> byKey = byKey(users);
        List<String> keys = List.copyOf(byKey.keySet());
        return unitOfWork.read(unit, em -> {
            Map<ObjectRef, Long> counts = new LinkedHashMap<>();
            byKey.values().forEach(user -> counts.put(user, 0L));
            for (int u = 0; u < keys.size(); u += CHUNK) {
                for (Object[] row : read.apply(em, keys.subList(u, Math.min(keys.size(), u + CHUNK)))) {
                    counts.merge(byKey.get((String) row[0]), ((Number) row[1]).longValue(), Long::sum);
                }
            }
            return counts;
        });
    }

    @Override
    public Map<ObjectRef, Instant> trackersChangedSince(Instant since) {
        return unitOfWork.read(unit, em -> {
            Map<ObjectRef, Instant> changed = new LinkedHashMap<>();
            for (Object[] row : em.createQuery(
                            "SELECT o.ownerKey, o.changedAt FROM ActrackTrackerOwner o WHERE o.changedAt >= :since",
                            Object[].class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("since", since)
                    .getResultList()) {
                changed.put(PostgresNotifications.ownerOf((String) row[0]), (Instant) row[1]);
            }
            return changed;
        });
    }

    @Override
    public Optional<Notifications> listen(Optional<String> jdbcUrl) {
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> url = unitOfWork.read(
                unit,
                em -> dialects.of(em) != SqlDialect.POSTGRESQL
                        ? Optional.<String>empty()
                        : Optional.of(jdbcUrl.orElseGet(() -> thisDatabase(em))));
        return url.map(address -> PostgresNotifications.open(address, channel.get()));
    }

    /**
     * The URL of the PostgreSQL database actrack writes to, as the server itself describes the connection: host (the
     * local host for a Unix socket), port, database and user.
     */
    private static String thisDatabase(EntityManager em) {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT host(inet_server_addr()), inet_server_port(), current_database(), current_user")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        String host = row[0] == null ? "localhost" : row[0].toString();
        String port = row[1] == null ? "5432" : row[1].toString();
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + row[2]
                + "?user=" + row[3];
    }

    private static List<Object[]> counted(EntityManager em, List<String> owners) {
        return em.createQuery(
                        "SELECT u.ownerKey, COUNT(u) FROM ActrackUnread u WHERE u.ownerKey IN :owners GROUP BY u.ownerKey",
                        Object[].class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("owners", owners)
                .getResultList();
    }

    private static Map<String, ObjectRef> byKey(Collection<ObjectRef> users) {
        Map<String, ObjectRef> byKey = new LinkedHashMap<>();
        users.forEach(user -> byKey.put(user.key(), user));
        return byKey;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
