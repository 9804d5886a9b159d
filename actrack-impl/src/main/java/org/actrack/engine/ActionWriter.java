package org.actrack.engine;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.actrack.ObjectRef;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.ActionReferenceEntity;
import org.actrack.engine.model.Role;

/** Stores pending actions: the action row and one reference row per object and role. */
final class ActionWriter implements ActionSink {

    private final JsonData json;

    ActionWriter(JsonData json) {
        this.json = json;
    }

    @Override
    public void accept(EntityManager em, PendingAction action) {
        write(em, action);
    }

    ActionEntity write(EntityManager em, PendingAction pending) {
        ObjectRef actor = pending.actor();
        ActionEntity action = new ActionEntity(actor == null ? null : actor.type(), actor == null ? null : actor.id(),
                pending.verb(), pending.level(), json.write(pending.data()), pending.timestamp());
        em.persist(action);
        if (actor != null) {
            em.persist(reference(action, Role.ACTOR, 0, actor));
        }
        persistAll(em, action, Role.TARGET, pending.targets());
        persistAll(em, action, Role.RELATED, pending.related());
        return action;
    }

    private static void persistAll(EntityManager em, ActionEntity action, Role role, List<ObjectRef> refs) {
        for (int position = 0; position < refs.size(); position++) {
            em.persist(reference(action, role, position, refs.get(position)));
        }
    }

    private static ActionReferenceEntity reference(ActionEntity action, Role role, int position, ObjectRef ref) {
        return new ActionReferenceEntity(action, role, position, ref.type(), ref.id(), ref.key());
    }
}
