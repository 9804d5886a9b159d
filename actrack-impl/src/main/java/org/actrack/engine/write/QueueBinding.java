/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import org.actrack.engine.Actrack;

/**
 * Where logged actions gather before they are written: the integration's answer to "which queue
 * belongs to the current transaction or request?". Without one, every action is written at once.
 *
 * <p><strong>Internal:</strong> public only for actrack-cdi; not API, and may change in any release.
 * Applications use {@link org.actrack.ActionLog} (built by {@link Actrack} without CDI).
 */
@FunctionalInterface
public interface QueueBinding {

    /** The queue of the current unit of work, or {@code null} to write the action at once. */
    ActionQueue current();

    /**
     * Queues of this thread whose actions wait to be written (a request queue while a transaction runs):
     * removing an entity they refer to must leave a deleted item for them. None by default.
     */
    default java.util.List<ActionQueue> waiting() {
        ActionQueue queue = current();
        return queue == null || queue.isEager() ? java.util.List.of() : java.util.List.of(queue);
    }

    /**
     * The queue of the current transaction if one was made for it already, else {@code null}; never makes one (it is
     * asked before every call of actrack, whether the transaction logs or not). By default {@link #current()}.
     */
    default ActionQueue existing() {
        return current();
    }
}
