package org.actrack.engine;

import jakarta.persistence.EntityManager;
import java.time.Instant;
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
 * <p>actrack's own rows are read as plain values (JPQL select lists), never as managed entities: nothing is
 * registered in the persistence context, copied for change tracking or put in a shared cache, and what is
 * returned is what the database holds at the time of the read. Only the application's entities behind the
 * references are loaded as entities ({@link ReferenceResolver}), as {@link Action} returns them.
 */
final class ActionLoader {

    private static final String ACTIONS = "SELECT a.id, a.actorType, a.actorId, a.verb, a.level, a.data, a.timestamp"
            + " FROM ActrackAction a WHERE a.id IN :ids";
    private static final String REFERENCES = "SELECT r.actionId, r.role, r.type, r.objectId FROM ActrackActionRef r"
            + " WHERE r.actionId IN :ids AND r.role <> :actor ORDER BY r.position";

    private final JsonData json;
    private final ReferenceResolver resolver;

    ActionLoader(JsonData json, ReferenceResolver resolver) {
        this.json = json;
        this.resolver = resolver;
    }

    /** The actions with these ids, in the order of the ids; ids of actions that no longer exist are skipped. */
    List<Action> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> actions = new HashMap<>();
        List<ObjectRef> allRefs = new ArrayList<>();
        for (Object[] row : em.createQuery(ACTIONS, Object[].class).setParameter("ids", ids).getResultList()) {
            actions.put(((Number) row[0]).longValue(), row);
            allRefs.add(actorRef(row));
        }
        Map<Long, List<Object[]>> refsByAction = new HashMap<>();
        for (Object[] row : em.createQuery(REFERENCES, Object[].class).setParameter("ids", ids).setParameter("actor", Role.ACTOR)
                .getResultList()) {
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

    private Action toAction(Object[] action, List<Object[]> refs, Map<ObjectRef, Object> entities) {
        List<ObjectRef> targetRefs = new ArrayList<>();
        List<ObjectRef> relatedRefs = new ArrayList<>();
        for (Object[] ref : refs) {
            (ref[1] == Role.TARGET ? targetRefs : relatedRefs).add(ObjectRef.of((String) ref[2], (String) ref[3]));
        }
        ObjectRef actorRef = actorRef(action);
        return new Action(((Number) action[0]).longValue(), actorRef, actorRef == null ? null : entities.get(actorRef),
                (String) action[3], ((Number) action[4]).intValue(), json.read((String) action[5]), (Instant) action[6],
                targetRefs, existing(targetRefs, entities), relatedRefs, existing(relatedRefs, entities));
    }

    private static List<Object> existing(List<ObjectRef> refs, Map<ObjectRef, Object> entities) {
        return refs.stream().map(entities::get).filter(Objects::nonNull).toList();
    }

    private static ObjectRef actorRef(Object[] action) {
        return action[1] == null ? null : ObjectRef.of((String) action[1], (String) action[2]);
    }
}
