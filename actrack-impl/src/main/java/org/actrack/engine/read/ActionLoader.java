/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ObjectRef;
import org.actrack.engine.JsonData;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.model.Role;
import org.actrack.engine.sql.SqlDialect;

/**
 * Loads a page of actions by id: one query for the actions with their targets and related objects, and one
 * per entity type to resolve every reference of the page.
 *
 * <p>actrack's own rows are read as plain values by SQL whose text does not depend on the page (the ids are one
 * array parameter where the database has arrays, {@link SqlDialect#oneOfIds}), never as managed entities:
 * nothing is registered in the persistence context, copied for change tracking or put in a shared cache, and
 * what is returned is what the database holds at the time of the read. Only the application's entities behind
 * the references are loaded as entities ({@link ReferenceResolver}), as {@link Action} returns them.
 */
public final class ActionLoader {

    private final JsonData json;
    private final ReferenceResolver resolver;
    private final SqlDialect.Detection dialects;
    private final UnitOfWork unitOfWork;

    public ActionLoader(
            JsonData json, ReferenceResolver resolver, SqlDialect.Detection dialects, UnitOfWork unitOfWork) {
        this.json = json;
        this.resolver = resolver;
        this.dialects = dialects;
        this.unitOfWork = unitOfWork;
    }

    /** The actions with these ids, in the order of the ids; ids of actions that no longer exist are skipped. */
    public List<Action> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlDialect dialect = dialects.of(em);
        Map<Long, Object[]> actions = new HashMap<>();
        Map<Long, List<Object[]>> refsByAction = new HashMap<>();
        List<ObjectRef> allRefs = new ArrayList<>();
        // One statement for the actions and their targets and related objects: a row per reference (the action's
        // columns repeated), one row with null reference columns for an action that has none.
        for (Object[] row : rows(
                em,
                dialect,
                "SELECT a.id, a.actor_type, a.actor_id, a.verb, a.action_level, a.data,"
                        + " a.action_time, r.role, r.ref_type, r.ref_id, a.foreign_id FROM actrack_action a"
                        + " LEFT JOIN actrack_action_ref r"
                        + " ON r.action_id = a.id AND r.role <> 'ACTOR' WHERE ",
                "a.id",
                " ORDER BY a.id, r.position",
                ids)) {
            Long id = ((Number) row[0]).longValue();
            if (actions.putIfAbsent(id, row) == null) {
                allRefs.add(actorRef(row));
            }
            if (row[7] != null) {
                refsByAction.computeIfAbsent(id, key -> new ArrayList<>()).add(row);
                allRefs.add(ObjectRef.of((String) row[8], (String) row[9]));
            }
        }
        Map<ObjectRef, Object> entities = resolver.resolve(em, allRefs);

        List<Action> page = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Object[] action = actions.get(id);
            if (action != null) {
                page.add(toAction(action, refsByAction.getOrDefault(id, List.of()), entities));
            }
        }
        return page;
    }

    private List<Object[]> rows(
            EntityManager em, SqlDialect dialect, String select, String idColumn, String rest, List<Long> ids) {
        List<Object> parameters = new ArrayList<>();
        String sql = select + dialect.oneOfIds(idColumn, ids, parameters) + rest;
        return unitOfWork.nativeRows(em, sql, parameters);
    }

    private Action toAction(Object[] action, List<Object[]> refs, Map<ObjectRef, Object> entities) {
        List<ObjectRef> targetRefs = new ArrayList<>();
        List<ObjectRef> relatedRefs = new ArrayList<>();
        for (Object[] ref : refs) {
            (Role.TARGET.name().equals(ref[7]) ? targetRefs : relatedRefs)
                    .add(ObjectRef.of((String) ref[8], (String) ref[9]));
        }
        ObjectRef actorRef = actorRef(action);
        return new StoredAction(
                ((Number) action[0]).longValue(),
                actorRef,
                actorRef == null ? null : entities.get(actorRef),
                (String) action[3],
                ((Number) action[4]).intValue(),
                (String) action[5],
                json,
                ActionSelection.instant(action[6]),
                targetRefs,
                existing(targetRefs, entities),
                relatedRefs,
                existing(relatedRefs, entities),
                (String) action[10]);
    }

    private static List<Object> existing(List<ObjectRef> refs, Map<ObjectRef, Object> entities) {
        // A loop, not a stream: it runs twice per action of every page read.
        List<Object> objects = new ArrayList<>(refs.size());
        for (ObjectRef ref : refs) {
            Object object = entities.get(ref);
            if (object != null) {
                objects.add(object);
            }
        }
        return Collections.unmodifiableList(objects);
    }

    private static ObjectRef actorRef(Object[] action) {
        return action[1] == null ? null : ObjectRef.of((String) action[1], (String) action[2]);
    }
}
