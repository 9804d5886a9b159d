/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.Tracker;
import org.actrack.TrackerQuery;
import org.actrack.engine.ActionRequests;
import org.actrack.engine.EntityReferences;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.tracking.TrackerRow;

/**
 * An immutable tracker query: the trackers tracking an object and/or owned by it, optionally narrowed
 * by verbs, tracked types and flag.
 */
public final class TrackerQueryImpl implements TrackerQuery {

    private final Context context;
    private final ObjectRef tracked;
    private final ObjectRef owner;
    private final Set<String> verbs;
    private final List<Class<?>> types;
    /** The trackers' flag, or {@code null} for trackers of any flag and without one. */
    private final String flag;

    public TrackerQueryImpl(Context context, ObjectRef tracked, ObjectRef owner) {
        this(context, tracked, owner, Set.of(), List.of(), null);
    }

    private TrackerQueryImpl(
            Context context, ObjectRef tracked, ObjectRef owner, Set<String> verbs, List<Class<?>> types, String flag) {
        this.context = context;
        this.tracked = tracked;
        this.owner = owner;
        this.verbs = verbs;
        this.types = types;
        this.flag = flag;
    }

    @Override
    public TrackerQuery verbs(String... newVerbs) {
        for (String verb : newVerbs) {
            ActionRequests.requireVerb(verb);
        }
        return new TrackerQueryImpl(context, tracked, owner, Set.of(newVerbs), types, flag);
    }

    @Override
    public TrackerQuery ofTypes(Class<?>... newTypes) {
        return new TrackerQueryImpl(context, tracked, owner, verbs, List.of(newTypes), flag);
    }

    @Override
    public TrackerQuery flagged(String newFlag) {
        return new TrackerQueryImpl(context, tracked, owner, verbs, types, TrackerRow.requireFlag(newFlag));
    }

    @Override
    public List<Tracker> list() {
        return context.unitOfWork().read(context.unit(), em -> {
            // Scalar rows with the verbs joined: loading tracker entities would load each one's verbs separately.
            List<TrackerRow> trackers = TrackerRow.read(
                    query(em, "SELECT " + TrackerRow.COLUMNS, " ORDER BY t.createdAt, t.id", Object[].class, true)
                            .getResultList());
            List<ObjectRef> refs = new ArrayList<>();
            trackers.forEach(tracker -> {
                refs.add(tracker.owner());
                refs.add(tracker.tracked());
            });
            Map<ObjectRef, Object> resolved = context.resolver().resolve(em, refs);
            return trackers.stream()
                    .map(t -> new Tracker(
                            t.id(),
                            t.owner(),
                            resolved.get(t.owner()),
                            t.tracked(),
                            resolved.get(t.tracked()),
                            t.verbs(),
                            t.actorOnly(),
                            t.createdAt(),
                            t.flag()))
                    .toList();
        });
    }

    @Override
    public long count() {
        return context.unitOfWork()
                .read(
                        context.unit(),
                        em -> query(em, "SELECT COUNT(t)", "", Long.class, false)
                                .getSingleResult());
    }

    @Override
    public List<Object> owners() {
        return list().stream()
                .map(tracker -> tracker.owner().orElse(null))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    @Override
    public Set<Object> trackedObjects() {
        Set<Object> objects = new LinkedHashSet<>();
        list().forEach(tracker -> tracker.tracked().ifPresent(objects::add));
        return objects;
    }

    private <T> TypedQuery<T> query(
            EntityManager em, String select, String orderBy, Class<T> resultType, boolean withVerbs) {
        StringBuilder jpql = new StringBuilder(select)
                .append(" FROM ActrackTracker t")
                .append(withVerbs ? " LEFT JOIN t.verbs v" : "")
                .append(" WHERE (");
        if (tracked != null) {
            jpql.append("t.trackedKey = :tracked");
        }
        if (owner != null) {
            jpql.append(tracked != null ? " OR " : "").append("t.ownerKey = :owner");
        }
        jpql.append(')');
        if (!types.isEmpty()) {
            jpql.append(" AND t.trackedType IN :types");
        }
        if (flag != null) {
            jpql.append(" AND t.flag = :flag");
        }
        if (!verbs.isEmpty()) {
            jpql.append(" AND (t.verbs IS EMPTY OR EXISTS (SELECT v FROM ActrackTracker t2 JOIN t2.verbs v")
                    .append(" WHERE t2.id = t.id AND v IN :verbs))");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(orderBy).toString(), resultType);
        if (tracked != null) {
            query.setParameter("tracked", tracked.key());
        }
        if (owner != null) {
            query.setParameter("owner", owner.key());
        }
        if (!types.isEmpty()) {
            query.setParameter(
                    "types",
                    types.stream()
                            .map(type -> context.references().entityName(em, type))
                            .toList());
        }
        if (!verbs.isEmpty()) {
            query.setParameter("verbs", List.copyOf(verbs));
        }
        if (flag != null) {
            query.setParameter("flag", flag);
        }
        return query;
    }

    /** What every tracker query of one engine shares. */
    public record Context(
            UnitOfWork unitOfWork, ReferenceResolver resolver, EntityReferences references, String unit) {}
}
