/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.engine.ActionQueue.StoredRows;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.ActionReferenceEntity;
import org.actrack.engine.model.Role;

/** Writes, updates and removes the rows of actions: the action row and one reference row per object and role. */
final class ActionWriter {

    private final JsonData json;

    ActionWriter(JsonData json) {
        this.json = json;
    }

    StoredRows insert(EntityManager em, PendingAction pending) {
        ObjectRef actor = pending.actor();
        ActionEntity action = new ActionEntity(
                actor == null ? null : actor.type(),
                actor == null ? null : actor.id(),
                pending.verb(),
                pending.level(),
                json.write(pending.data()),
                pending.timestamp());
        em.persist(action);
        List<ActionReferenceEntity> references = new ArrayList<>();
        if (actor != null) {
            references.add(persist(
                    em, new ActionReferenceEntity(action, Role.ACTOR, 0, actor.type(), actor.id(), actor.key())));
        }
        addReferences(em, action, Role.TARGET, pending.targets(), 0, references);
        addReferences(em, action, Role.RELATED, pending.related(), 0, references);
        if (action.getId() == null) {
            // The database assigns ids on insert here (IDENTITY, or no sequences): write now so ids follow logging
            // order.
            em.flush();
        }
        return new StoredRows(action, references);
    }

    /** Brings stored rows up to date with {@code merged}, the action they hold merged with another. */
    void update(EntityManager em, StoredRows rows, PendingAction merged) {
        ActionEntity action = rows.action();
        action.setLevel(merged.level());
        action.setData(json.write(merged.data()));
        List<ActionReferenceEntity> references = rows.references();
        references.forEach(reference -> reference.setLevel(merged.level()));
        addMissing(em, action, Role.TARGET, merged.targets(), references);
        addMissing(em, action, Role.RELATED, merged.related(), references);
    }

    void remove(EntityManager em, StoredRows rows) {
        rows.references().forEach(em::remove);
        em.remove(rows.action());
    }

    private static void addMissing(
            EntityManager em,
            ActionEntity action,
            Role role,
            List<ObjectRef> refs,
            List<ActionReferenceEntity> references) {
        Set<String> present = new HashSet<>();
        int next = 0;
        for (ActionReferenceEntity reference : references) {
            if (reference.getRole() == role) {
                present.add(reference.getKey());
                next = Math.max(next, reference.getPosition() + 1);
            }
        }
        List<ObjectRef> missing =
                refs.stream().filter(ref -> !present.contains(ref.key())).toList();
        addReferences(em, action, role, missing, next, references);
    }

    private static void addReferences(
            EntityManager em,
            ActionEntity action,
            Role role,
            List<ObjectRef> refs,
            int from,
            List<ActionReferenceEntity> into) {
        for (int i = 0; i < refs.size(); i++) {
            ObjectRef ref = refs.get(i);
            into.add(persist(em, new ActionReferenceEntity(action, role, from + i, ref.type(), ref.id(), ref.key())));
        }
    }

    private static ActionReferenceEntity persist(EntityManager em, ActionReferenceEntity reference) {
        em.persist(reference);
        return reference;
    }
}
