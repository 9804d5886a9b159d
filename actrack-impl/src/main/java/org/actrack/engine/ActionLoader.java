package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.actrack.Action;
import org.actrack.ObjectRef;
import org.actrack.engine.model.Role;

/**
 * Loads a page of actions by id: one query for the actions, one for their targets and related objects,
 * and one per entity type to resolve every reference of the page.
 *
 * <p>actrack's own rows are read as plain values by SQL whose text does not depend on the page (the ids are one
 * array parameter where the database has arrays, {@link SqlDialect#oneOfIds}), never as managed entities:
 * nothing is registered in the persistence context, copied for change tracking or put in a shared cache, and
 * what is returned is what the database holds at the time of the read. Only the application's entities behind
 * the references are loaded as entities ({@link ReferenceResolver}), as {@link Action} returns them.
 */
final class ActionLoader {

    private final JsonData json;
    private final ReferenceResolver resolver;
    private final SqlDialect.Detection dialects;

    ActionLoader(JsonData json, ReferenceResolver resolver, SqlDialect.Detection dialects) {
        this.json = json;
        this.resolver = resolver;
        this.dialects = dialects;
    }

    /** The actions with these ids, in the order of the ids; ids of actions that no longer exist are skipped. */
    List<Action> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlDialect dialect = dialects.of(em);
        Map<Long, Object[]> actions = new HashMap<>();
        List<ObjectRef> allRefs = new ArrayList<>();
        for (Object[] row : rows(em, dialect, "SELECT id, actor_type, actor_id, verb, action_level, data, action_time"
                + " FROM actrack_action WHERE ", "id", "", ids)) {
            actions.put(((Number) row[0]).longValue(), row);
            allRefs.add(actorRef(row));
        }
        Map<Long, List<Object[]>> refsByAction = new HashMap<>();
        for (Object[] row : rows(em, dialect, "SELECT action_id, role, ref_type, ref_id FROM actrack_action_ref WHERE ",
                "action_id", " AND role <> 'ACTOR' ORDER BY position", ids)) {
            refsByAction.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add(row);
            allRefs.add(ObjectRef.of((String) row[2], (String) row[3]));
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

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, SqlDialect dialect, String select, String idColumn, String rest,
            List<Long> ids) {
        List<Object> parameters = new ArrayList<>();
        Query query = em.createNativeQuery(select + dialect.oneOfIds(idColumn, ids, parameters) + rest);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query.getResultList();
    }

    private Action toAction(Object[] action, List<Object[]> refs, Map<ObjectRef, Object> entities) {
        List<ObjectRef> targetRefs = new ArrayList<>();
        List<ObjectRef> relatedRefs = new ArrayList<>();
        for (Object[] ref : refs) {
            (Role.TARGET.name().equals(ref[1]) ? targetRefs : relatedRefs).add(ObjectRef.of((String) ref[2], (String) ref[3]));
        }
        ObjectRef actorRef = actorRef(action);
        return new StoredAction(((Number) action[0]).longValue(), actorRef, actorRef == null ? null : entities.get(actorRef),
                (String) action[3], ((Number) action[4]).intValue(), json.read((String) action[5]), ActionSelection.instant(action[6]),
                targetRefs, existing(targetRefs, entities), relatedRefs, existing(relatedRefs, entities));
    }

    private static List<Object> existing(List<ObjectRef> refs, Map<ObjectRef, Object> entities) {
        return refs.stream().map(entities::get).filter(Objects::nonNull).toList();
    }

    private static ObjectRef actorRef(Object[] action) {
        return action[1] == null ? null : ObjectRef.of((String) action[1], (String) action[2]);
    }
}
