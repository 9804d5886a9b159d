/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.util.List;
import org.actrack.ObjectRef;

/**
 * One action of the workload, as both sides write it.
 *
 * @param actor the actor entity
 * @param actorRef its reference
 * @param target the target entity
 * @param targetRef its reference
 * @param related the related entity, or {@code null}
 * @param relatedRef its reference, or {@code null}
 */
record LogSpec(
        Object actor, ObjectRef actorRef, Object target, ObjectRef targetRef, Object related, ObjectRef relatedRef) {

    /** The references of the action in the order actrack writes them: actor, targets, related objects. */
    List<ObjectRef> references() {
        return related == null ? List.of(actorRef, targetRef) : List.of(actorRef, targetRef, relatedRef);
    }
}
