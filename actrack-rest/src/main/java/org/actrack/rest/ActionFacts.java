/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.LoggedAction;
import org.actrack.ObjectRef;

/**
 * What a live feed matches an action by: its objects' references, verb, level and time. Made from the
 * {@code ActionStored} event of an action committed on this node, or from an action read from the log.
 *
 * @param key the action's time and id
 * @param actor the actor's reference, or {@code null}
 * @param others the targets' and related objects' references
 * @param verb the verb
 * @param level the level
 */
record ActionFacts(ActionKey key, ObjectRef actor, List<ObjectRef> others, String verb, int level) {

    ActionFacts {
        others = List.copyOf(others);
    }

    static ActionFacts of(long id, LoggedAction logged) {
        List<ObjectRef> others = new ArrayList<>(logged.targets());
        others.addAll(logged.related());
        return new ActionFacts(
                new ActionKey(logged.timestamp(), id), logged.actor(), others, logged.verb(), logged.level());
    }

    static ActionFacts of(Action action) {
        List<ObjectRef> others = new ArrayList<>(action.targetRefs());
        others.addAll(action.relatedRefs());
        return new ActionFacts(
                ActionKey.of(action), action.actorRef().orElse(null), others, action.verb(), action.level());
    }

    Instant timestamp() {
        return key.timestamp();
    }

    long id() {
        return key.id();
    }

    /** Every object of the action, the actor first. */
    List<ObjectRef> objects() {
        List<ObjectRef> all = new ArrayList<>(others.size() + 1);
        if (actor != null) {
            all.add(actor);
        }
        all.addAll(others);
        return all;
    }
}
