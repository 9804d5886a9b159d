/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.actrack.engine.UnitOfWork;

/**
 * Where validated actions go: into the queue of the current transaction or request when the
 * integration binds one, else written at once in the unit of work that logged them.
 */
public final class ActionSink {

    private final QueueBinding queues;
    private final QueueProcessor processor;

    public ActionSink(QueueBinding queues, QueueProcessor processor) {
        this.queues = queues;
        this.processor = processor;
    }

    /** Whether an action logged now is written in the caller's unit of work (rather than queued for later). */
    public boolean writesNow() {
        ActionQueue queue = queues.current();
        return queue == null || queue.isEager();
    }

    /**
     * Whether an action waiting in a queue of this thread refers to the object, or an action of the current
     * transaction's queue whose rows may not be in the database yet.
     */
    public boolean waitsFor(org.actrack.ObjectRef ref) {
        ActionQueue current = queues.existing();
        return queues.waiting().stream().anyMatch(queue -> queue.waitsFor(ref))
                || (current != null && current.refersTo(ref));
    }

    /**
     * After {@code removed} was removed and references to it in the database were re-pointed to {@code item}, its
     * deleted item: the same for the actions of the current transaction's queue, whose rows may not be in the
     * database yet.
     */
    public void repointQueued(org.actrack.ObjectRef removed, org.actrack.ObjectRef item) {
        ActionQueue current = queues.existing();
        if (current != null) {
            current.repoint(removed, item);
        }
    }

    /**
     * After {@code removed} was removed with its actions (it keeps no deleted item): drops the actions of the current
     * transaction's queue that refer to it (see {@link ActionQueue#dropReferring}), and the outbox events written for
     * them.
     */
    public void dropQueued(EntityManager em, org.actrack.ObjectRef removed) {
        ActionQueue current = queues.existing();
        if (current != null) {
            processor.dropEvents(em, current.dropReferring(removed));
        }
    }

    /**
     * Takes an action.
     *
     * @param em the entity manager of the unit of work, inside its transaction when {@link #writesNow()}
     * @param action the validated action
     */
    public void accept(EntityManager em, PendingAction action) {
        ActionQueue queue = queues.current();
        processor.add(em, queue == null ? ActionQueue.forTransaction() : queue, action);
    }

    /** Takes the actions of one bulk call: with no queue bound, they share one, so they combine and group together. */
    public void acceptAll(EntityManager em, List<PendingAction> actions) {
        ActionQueue current = queues.current();
        ActionQueue queue = current == null ? ActionQueue.forTransaction() : current;
        String unit = actions.get(0).unit();
        queue.defersUnread(true);
        try {
            actions.forEach(action -> processor.add(em, queue, action));
        } catch (RuntimeException failure) {
            // An action failed part way (its data outgrew the column while grouping, or the database refused):
            // the actions already written keep their unread marks, whatever the caller does with its transaction.
            queue.defersUnread(false);
            try {
                writePending(em, queue, unit);
            } catch (RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        queue.defersUnread(false);
        writePending(em, queue, unit);
    }

    /**
     * Writes the unread marks pending in the queue bound to the caller's transaction, for actions of {@code unit}:
     * before actrack does anything else in that transaction, so that what it reads or changes sees them.
     */
    public void writePendingOfCurrent(EntityManager em, String unit) {
        ActionQueue queue = queues.existing();
        if (queue != null && queue.hasPendingUnread() && UnitOfWork.inTransaction(em)) {
            processor.writeDeferred(em, queue, unit);
        }
    }

    /** A bulk call's marks, now; a queue that writes them at commit keeps them until then. */
    private void writePending(EntityManager em, ActionQueue queue, String unit) {
        if (!queue.unreadAtCommit()) {
            processor.writeDeferred(em, queue, unit);
        }
    }
}
