package org.actrack.engine;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.actrack.Action;
import org.actrack.ObjectRef;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.ActionReferenceEntity;
import org.actrack.engine.model.Role;

/**
 * Loads a page of actions by id: one query for the actions, one for their targets and related objects,
 * and one per entity type to resolve every reference of the page.
 */
final class ActionLoader {

    private final JsonData json;
    private final ReferenceResolver resolver;

    ActionLoader(JsonData json, ReferenceResolver resolver) {
        this.json = json;
        this.resolver = resolver;
    }

    /** The actions with these ids, in the order of the ids. */
    List<Action> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ActionEntity> actions = new HashMap<>();
        em.createQuery("SELECT a FROM ActrackAction a WHERE a.id IN :ids", ActionEntity.class)
                .setParameter("ids", ids).getResultList()
                .forEach(action -> actions.put(action.getId(), action));
        Map<Long, List<ActionReferenceEntity>> refsByAction = new HashMap<>();
        em.createQuery("SELECT r FROM ActrackActionRef r WHERE r.actionId IN :ids AND r.role <> :actor ORDER BY r.position",
                ActionReferenceEntity.class)
                .setParameter("ids", ids).setParameter("actor", Role.ACTOR).getResultList()
                .forEach(ref -> refsByAction.computeIfAbsent(ref.getActionId(), id -> new ArrayList<>()).add(ref));

        List<ObjectRef> allRefs = new ArrayList<>();
        actions.values().forEach(action -> allRefs.add(actorRef(action)));
        refsByAction.values().forEach(refs -> refs.forEach(ref -> allRefs.add(toRef(ref))));
        Map<ObjectRef, Object> entities = resolver.resolve(em, allRefs);

        List<Action> page = new ArrayList<>(ids.size());
        for (Long id : ids) {
            ActionEntity action = actions.get(id);
            if (action != null) {
                page.add(toAction(action, refsByAction.getOrDefault(id, List.of()), entities));
            }
        }
        return page;
    }

    private Action toAction(ActionEntity action, List<ActionReferenceEntity> refs, Map<ObjectRef, Object> entities) {
        List<ObjectRef> targetRefs = new ArrayList<>();
        List<ObjectRef> relatedRefs = new ArrayList<>();
        for (ActionReferenceEntity ref : refs) {
            (ref.getRole() == Role.TARGET ? targetRefs : relatedRefs).add(toRef(ref));
        }
        ObjectRef actorRef = actorRef(action);
        return new Action(action.getId(), actorRef, actorRef == null ? null : entities.get(actorRef), action.getVerb(),
                action.getLevel(), json.read(action.getData()), action.getTimestamp(), targetRefs,
                existing(targetRefs, entities), relatedRefs, existing(relatedRefs, entities));
    }

    private static List<Object> existing(List<ObjectRef> refs, Map<ObjectRef, Object> entities) {
        return refs.stream().map(entities::get).filter(Objects::nonNull).toList();
    }

    private static ObjectRef actorRef(ActionEntity action) {
        return action.getActorType() == null ? null : ObjectRef.of(action.getActorType(), action.getActorId());
    }

    private static ObjectRef toRef(ActionReferenceEntity ref) {
        return ObjectRef.of(ref.getType(), ref.getObjectId());
    }
}
