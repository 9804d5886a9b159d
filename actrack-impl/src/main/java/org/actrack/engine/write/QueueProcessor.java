/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.ObjectRef;
import org.actrack.engine.JsonData;
import org.actrack.engine.history.Deletions;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.ActionReferenceEntity;
import org.actrack.engine.model.Role;
import org.actrack.engine.tracking.UnreadMarks;
import org.actrack.engine.write.ActionQueue.Entry;
import org.actrack.engine.write.ActionQueue.StoredRows;

/**
 * Combination (spec §7) when an action joins a queue, and grouping (§6, as amended by §0.3) when it is
 * placed: merged into an earlier queued action, or into a recent stored one, or written as a new action.
 */
public final class QueueProcessor {

    private final Function<String, ActionHandler> handlers;
    private final ActionWriter writer;
    private final JsonData json;
    private final UnreadMarks unread;
    private final Deletions deletions;
    private final CommitSignal signal;
    /** The outbox's events, {@code null} when {@code actrack.outbox} is off. */
    private final OutboxEvents outbox;

    public QueueProcessor(
            Function<String, ActionHandler> handlers,
            ActionWriter writer,
            JsonData json,
            UnreadMarks unread,
            Deletions deletions,
            CommitSignal signal,
            OutboxEvents outbox) {
        this.outbox = outbox;
        this.deletions = deletions;
        this.signal = signal;
        this.handlers = handlers;
        this.writer = writer;
        this.json = json;
        this.unread = unread;
    }

    /**
     * Adds a logged action: combines it with the queued ones, then, for an eager queue, places it.
     *
     * @param em the unit of work's entity manager, inside its transaction; unused by a request queue
     */
    void add(EntityManager em, ActionQueue queue, PendingAction action) {
        Entry entry = new Entry(action);
        List<Entry> entries = queue.entries();
        if (action.foreignId() != null
                && entries.stream().anyMatch(queued -> action.foreignId().equals(queued.action.foreignId()))) {
            return; // logged again in the same unit of work: stored once
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry queued = entries.get(i);
            if (!combinable(entry.action, queued.action)) {
                continue;
            }
            // As django-actrack: the new action is absorbed into an earlier one, also into an entry standing for
            // an action stored before this transaction (grouped into), which only grows, as grouping makes it.
            if (handlers.apply(entry.action.verb()).combinesInto(entry.action.view(), queued.action.view())) {
                mergeInto(em, queue, queued, entry.action);
                return;
            }
            // The other way would delete a stored action: combination never deletes or moves an action another
            // transaction stored (spec §7, §0.3).
            if (!queued.isStoredBefore()
                    && handlers.apply(queued.action.verb()).combinesInto(queued.action.view(), entry.action.view())) {
                entry.action = ActionMerge.merge(entry.action, queued.action);
                if (queued.isWritten()) {
                    if (!queued.rows.pending()) {
                        unread.removed(em, queued.rows.action().getId());
                    }
                    writer.remove(em, queued.rows);
                    if (queued.outboxId != null) {
                        outbox.remove(em, queued.outboxId);
                    }
                }
                entries.remove(i);
            }
        }
        entries.add(entry);
        if (queue.isEager()) {
            place(em, queue, entry);
        }
    }

    /**
     * Writes what actions of {@code unit} left pending (a bulk call, a request, or a transaction that writes them at
     * commit): their rows, in JDBC batches ({@link ActionWriter#writePending}), then their unread marks, matched with
     * one tracker query for all of them.
     */
    public void writeDeferred(EntityManager em, ActionQueue queue, String unit) {
        List<Entry> rowsPending = queue.entries().stream()
                .filter(entry -> entry.isWritten() && entry.rows.pending() && Objects.equals(entry.action.unit(), unit))
                .toList();
        if (!rowsPending.isEmpty()) {
            List<StoredRows> written = writer.writePending(
                    em, rowsPending.stream().map(entry -> entry.rows).toList());
            for (int i = 0; i < rowsPending.size(); i++) {
                rowsPending.get(i).rows = written.get(i);
            }
            if (outbox != null) {
                // Their events as the actions are now, after every merge of the bulk call or transaction.
                List<OutboxEvents.Event> events = new ArrayList<>();
                for (Entry entry : rowsPending) {
                    OutboxEvents.Event event = outbox.logged(entry.rows.action().getId(), entry.action);
                    entry.outboxId = event.id();
                    events.add(event);
                }
                outbox.write(em, events);
            }
        }
        Map<Long, PendingAction> pending = new LinkedHashMap<>();
        for (Entry entry : queue.entries()) {
            if (entry.unreadPending && Objects.equals(entry.action.unit(), unit)) {
                pending.put(entry.rows.action().getId(), entry.action);
                entry.unreadPending = false;
            }
        }
        if (!pending.isEmpty()) {
            queue.unreadMarksWritten(unread.writtenAll(em, pending));
        }
    }

    /** Removes outbox events this transaction wrote for actions that went with a removed object. */
    void dropEvents(EntityManager em, List<String> events) {
        if (outbox != null) {
            events.forEach(id -> outbox.remove(em, id));
        }
    }

    /** Places every action of {@code unit} that waits in a request queue, in logging order. */
    public void flush(EntityManager em, ActionQueue queue, String unit) {
        for (Entry entry : new ArrayList<>(queue.entries())) {
            if (!entry.isWritten()
                    && Objects.equals(entry.action.unit(), unit)
                    && queue.entries().contains(entry)) {
                place(em, queue, entry);
            }
        }
    }

    private static boolean combinable(PendingAction newer, PendingAction queued) {
        return newer.foreignId() == null
                && queued.foreignId() == null
                && Objects.equals(newer.actor(), queued.actor())
                && Objects.equals(newer.unit(), queued.unit())
                && new HashSet<>(queued.targets()).containsAll(newer.targets());
    }

    private void place(EntityManager em, ActionQueue queue, Entry entry) {
        if (!queue.isEager()) {
            // The action waited for the end of the request: what it refers to may have been removed since.
            entry.action = deletions.substituteRemoved(em, entry.action);
        }
        PendingAction action = entry.action;
        // An action with a foreign id is stored as logged: it neither groups nor is grouped into.
        long delay = action.foreignId() != null ? -1 : action.groupingDelaySeconds();
        if (delay >= 0) {
            ActionHandler handler = handlers.apply(action.verb());
            for (Entry older : queue.entries()) {
                if (older == entry) {
                    break;
                }
                if (older.isWritten()
                        && GroupingRule.mayGroup(older.action, action)
                        && handler.groups(action.view(), older.action.view())) {
                    mergeInto(em, queue, older, action);
                    queue.entries().remove(entry);
                    return;
                }
            }
            if (delay > 0 && groupIntoStored(em, queue, entry, handler)) {
                return;
            }
        }
        if (outbox != null) {
            outbox.checkFits(action);
        }
        if (action.foreignId() != null) {
            // Written at once, unless an action with its key is stored (or being stored by a transaction it waits for).
            entry.rows = writer.insertKeyed(em, action);
            if (entry.rows == null) {
                queue.entries().remove(entry);
                return;
            }
        } else {
            // Rows whose unread marks wait, wait with them, and go in JDBC batches (ActionWriter).
            entry.rows = writer.insert(em, action, queue.defersUnread());
        }
        if (outbox != null && !entry.rows.pending()) {
            OutboxEvents.Event event = outbox.logged(entry.rows.action().getId(), action);
            entry.outboxId = event.id();
            outbox.write(em, List.of(event));
        }
        if (!queue.signalled()) {
            signal.actionsStored(em);
            queue.signalled(true);
        }
        if (queue.defersUnread()) {
            entry.unreadPending = true;
        } else {
            queue.unreadMarksWritten(unread.written(em, entry.rows.action().getId(), action));
        }
    }

    /** Merges an action into a queued one, updating its rows and unread marks when it is written. */
    private void mergeInto(EntityManager em, ActionQueue queue, Entry into, PendingAction action) {
        PendingAction before = into.action;
        PendingAction merged = ActionMerge.merge(before, action);
        if (into.outboxId != null) {
            outbox.checkFits(merged);
        }
        if (into.isWritten()) {
            into.rows = writer.update(em, into.rows, merged);
            if (!into.unreadPending) {
                queue.unreadMarksWritten(unread.changed(em, into.rows.action().getId(), before, merged));
            }
            if (into.outboxId != null) {
                outbox.rewrite(em, into.outboxId, into.rows.action().getId(), merged);
            }
        }
        into.action = merged;
    }

    /**
     * Grouping with stored actions of the same actor and verb at most {@code delay} seconds older, newest first.
     *
     * <p>Safe under concurrent transactions: each candidate is locked ({@code SELECT … FOR UPDATE}, a pessimistic
     * refresh, then its references) and read again under the lock before the handler decides; the first that groups
     * takes the action, and the older ones are never locked. Every transaction locks candidates in the same order,
     * newest first by (time, id), which stored actions never change, so two transactions grouping into the same
     * actions never wait for each other in a cycle. A second transaction grouping into the same action waits until
     * the first commits or rolls back, then merges into what the first left: no contribution is lost. The locks are
     * held until the transaction ends.
     */
    private boolean groupIntoStored(EntityManager em, ActionQueue queue, Entry entry, ActionHandler handler) {
        PendingAction action = entry.action;
        Set<Long> queued = new HashSet<>();
        queue.entries().stream()
                .filter(Entry::isWritten)
                .forEach(e -> queued.add(e.rows.action().getId()));
        List<Long> ids = new ArrayList<>(GroupingRule.storedCandidates(em, action));
        ids.removeAll(queued);
        for (Long id : ids) {
            StoredRows stored = locked(em, id);
            if (stored == null || stored.action().getForeignId() != null) {
                continue; // gone, or stored as logged (with a foreign id)
            }
            PendingAction older = toPending(stored, action);
            if (handler.groups(action.view(), older.view())) {
                PendingAction merged = ActionMerge.merge(older, action);
                if (outbox != null) {
                    outbox.checkFits(merged);
                }
                writer.update(em, stored, merged);
                queue.unreadMarksWritten(unread.changed(em, stored.action().getId(), older, merged));
                // The stored action takes the new one's place, so later actions of the queue can group into it.
                Entry storedBefore = Entry.storedBefore(merged, stored);
                if (outbox != null) {
                    OutboxEvents.Event event = outbox.updated(stored.action().getId(), merged);
                    storedBefore.outboxId = event.id();
                    outbox.write(em, List.of(event));
                }
                queue.entries().set(queue.entries().indexOf(entry), storedBefore);
                return true;
            }
        }
        return false;
    }

    /**
     * Locks one stored action and its references and reads them as the last committed transaction left them;
     * {@code null} when it was removed meanwhile.
     */
    private static StoredRows locked(EntityManager em, Long id) {
        ActionEntity action = em.find(ActionEntity.class, id);
        if (action == null) {
            return null;
        }
        // A refresh with a pessimistic lock reads the row as the last committed transaction left it, whatever the
        // persistence context, the shared cache or the isolation level held before.
        em.refresh(action, LockModeType.PESSIMISTIC_WRITE);
        // A locking read: at REPEATABLE READ (MariaDB) a plain read could miss references committed since the
        // transaction's snapshot, and adding them again would break the unique key.
        List<ActionReferenceEntity> references = em.createQuery(
                        "SELECT r FROM ActrackActionRef r WHERE r.actionId = :id" + " ORDER BY r.position",
                        ActionReferenceEntity.class)
                .setParameter("id", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return new StoredRows(action, new ArrayList<>(references));
    }

    private PendingAction toPending(StoredRows stored, PendingAction like) {
        List<ObjectRef> targets = new ArrayList<>();
        List<ObjectRef> related = new ArrayList<>();
        for (ActionReferenceEntity reference : stored.references()) {
            if (reference.getRole() == Role.TARGET) {
                targets.add(ObjectRef.of(reference.getType(), reference.getObjectId()));
            } else if (reference.getRole() == Role.RELATED) {
                related.add(ObjectRef.of(reference.getType(), reference.getObjectId()));
            }
        }
        ActionEntity action = stored.action();
        return new PendingAction(
                like.unit(),
                like.actor(),
                action.getVerb(),
                action.getLevel(),
                json.read(action.getData()),
                action.getTimestamp(),
                targets,
                related,
                like.groupingDelaySeconds(),
                action.getForeignId());
    }
}
