/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import java.util.ArrayList;
import java.util.List;
import org.actrack.ActionStored;
import org.actrack.engine.Actrack;
import org.actrack.engine.ActrackEngine;
import org.actrack.engine.history.Deletions;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.ActionReferenceEntity;

/**
 * The actions logged in one transaction or one request, in logging order. Combination happens as
 * actions join the queue; grouping and writing happen when they are placed: at once for a
 * {@linkplain #forTransaction() transaction queue} (each action is written into the open transaction, so
 * it commits or rolls back with it), at {@link ActrackEngine#flush} for a {@linkplain #forRequest()
 * request queue}. Not thread-safe: a queue belongs to one transaction or request.
 *
 * <p><strong>Internal:</strong> public only for actrack-cdi; not API, and may change in any release.
 * Applications use {@link org.actrack.ActionLog} (built by {@link Actrack} without CDI).
 */
public final class ActionQueue {

    private final boolean eager;
    private final boolean unreadAtCommit;
    private final List<Entry> entries = new ArrayList<>();
    private boolean defersUnread;
    private boolean signalled;
    private long unreadMarks;

    private ActionQueue(boolean eager, boolean unreadAtCommit) {
        this.eager = eager;
        this.unreadAtCommit = unreadAtCommit;
    }

    /** A queue whose actions, and their unread marks, are written into the current transaction as they are logged. */
    public static ActionQueue forTransaction() {
        return new ActionQueue(true, false);
    }

    /**
     * A queue whose actions are combined, grouped and given ids as they are logged, and written with their unread
     * marks for all of them at once: when actrack is next used in the transaction for anything but logging, or when
     * the integration calls {@link ActrackEngine#beforeCommit(ActionQueue)} as the transaction is about to commit,
     * which it must (actrack-cdi does, from a JTA synchronization): without it, nothing of the transaction's actions
     * is written. Statements: the action rows as one JDBC batch and their reference rows as another, on the
     * transaction's connection ({@link ActionWriter#writePending}); one read of the trackers of the transaction's
     * actions; then one {@code INSERT … SELECT} per action someone follows, as one more batch.
     */
    public static ActionQueue forTransactionWithCommitHook() {
        return new ActionQueue(true, true);
    }

    /** A queue whose actions wait for {@link ActrackEngine#flush(ActionQueue)}. */
    public static ActionQueue forRequest() {
        return new ActionQueue(false, false);
    }

    /** Whether the unread marks of this queue's actions wait for {@link ActrackEngine#beforeCommit(ActionQueue)}. */
    boolean unreadAtCommit() {
        return unreadAtCommit;
    }

    /** Whether an action of the queue waits for its unread marks (and perhaps for its rows). */
    boolean hasPendingUnread() {
        return entries.stream().anyMatch(entry -> entry.unreadPending);
    }

    /** Whether this queue's transaction has signalled stored actions already ({@link CommitSignal}): once is enough. */
    boolean signalled() {
        return signalled;
    }

    void signalled(boolean sent) {
        this.signalled = sent;
    }

    void unreadMarksWritten(long marks) {
        unreadMarks += marks;
    }

    /**
     * How many unread marks writing this queue's actions wrote (one per user an action became unread for), as the
     * driver reported them: what to count once the transaction commits.
     */
    public long unreadMarksWritten() {
        return unreadMarks;
    }

    /**
     * While on, actions written through this queue leave their unread marks to one read of the trackers for all
     * of them ({@link QueueProcessor#writeDeferred}); for bulk calls and request queues.
     */
    public void defersUnread(boolean on) {
        this.defersUnread = on;
    }

    /** Whether an action written now leaves its unread marks for later. */
    public boolean defersUnread() {
        return defersUnread || unreadAtCommit;
    }

    /** Whether actions are written as they are logged. */
    public boolean isEager() {
        return eager;
    }

    /** Whether no action is queued. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The number of actions queued (after combination and grouping so far). */
    public int size() {
        return entries.size();
    }

    /** The actions written so far, in logging order: what to announce once the transaction commits. */
    public List<ActionStored> stored() {
        List<ActionStored> stored = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.rows != null) {
                stored.add(new ActionStored(entry.rows.action().getId(), entry.action.view()));
            }
        }
        return stored;
    }

    /**
     * A new queue of the same kind holding the actions of this one that are not written yet, as they were
     * logged (and combined): what to write again when a write of this queue failed and was rolled back.
     */
    public ActionQueue unwrittenCopy() {
        ActionQueue copy = new ActionQueue(eager, unreadAtCommit);
        entries.stream()
                .filter(entry -> !entry.isWritten())
                .forEach(entry -> copy.entries.add(new Entry(entry.action)));
        return copy;
    }

    /** The actions not written yet, as handlers see them. */
    public List<org.actrack.LoggedAction> unwritten() {
        return entries.stream()
                .filter(entry -> !entry.isWritten())
                .map(entry -> entry.action.view())
                .toList();
    }

    /** Whether an action of the queue, written or not, refers to the object. */
    boolean refersTo(org.actrack.ObjectRef ref) {
        return entries.stream().anyMatch(entry -> entry.action.refersTo(ref));
    }

    /**
     * Points the queue's actions at {@code to} wherever they referred to {@code from}, a removed entity and its deleted
     * item: the actions as handlers see them, and their rows that are not in the database yet (waiting for
     * {@link ActionWriter#writePending}, or held by the entity manager), whose values are what will be written. Rows
     * in the database were re-pointed there ({@link Deletions}).
     */
    void repoint(org.actrack.ObjectRef from, org.actrack.ObjectRef to) {
        for (Entry entry : entries) {
            if (!entry.action.refersTo(from)) {
                continue;
            }
            entry.action = entry.action.repointed(from, to);
            if (entry.rows != null && entry.rows.where() != Where.WRITTEN) {
                ActionEntity action = entry.rows.action();
                if (from.type().equals(action.getActorType()) && from.id().equals(action.getActorId())) {
                    action.repointActor(to.type(), to.id());
                }
                for (ActionReferenceEntity reference : entry.rows.references()) {
                    reference.repoint(from.key(), to.type(), to.id(), to.key());
                }
            }
        }
    }

    /**
     * Drops the queue's actions that refer to {@code removed}, an entity whose actions are deleted with it (no deleted
     * items): those not written, those waiting for {@link ActionWriter#writePending}, and those written with JDBC,
     * which the removal deleted from the database. Rows the entity manager holds are its to write: they stay.
     */
    List<String> dropReferring(org.actrack.ObjectRef removed) {
        // Their rows went with the object: so do the outbox events this transaction wrote for them.
        List<String> events = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.action.refersTo(removed) && entry.outboxId != null) {
                events.add(entry.outboxId);
                entry.outboxId = null;
            }
        }
        entries.removeIf(
                entry -> entry.action.refersTo(removed) && (entry.rows == null || entry.rows.where() != Where.MANAGED));
        return events;
    }

    /** Whether an action not yet written refers to the object. */
    boolean waitsFor(org.actrack.ObjectRef ref) {
        return entries.stream()
                .filter(entry -> !entry.isWritten())
                .map(entry -> entry.action)
                .anyMatch(action -> ref.equals(action.actor())
                        || action.targets().contains(ref)
                        || action.related().contains(ref));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** One queued action: what was logged (merged with what combined or grouped into it) and its rows once written. */
    public static final class Entry {
        PendingAction action;
        StoredRows rows;
        /** Written, but its unread marks wait for the end of the bulk call that wrote it. */
        boolean unreadPending;
        /** The id of the outbox event this transaction wrote for the action, {@code null} while none was. */
        String outboxId;

        private final boolean storedBefore;

        Entry(PendingAction action) {
            this.action = action;
            this.storedBefore = false;
        }

        /** What was logged, merged with what combined or grouped into it. */
        public PendingAction action() {
            return action;
        }

        private Entry(PendingAction action, StoredRows rows) {
            this.action = action;
            this.rows = rows;
            this.storedBefore = true;
        }

        /**
         * An entry standing for an action stored before this transaction, which an action of the queue was
         * grouped into: later actions may group into it, but no combination may delete or move it.
         */
        static Entry storedBefore(PendingAction merged, StoredRows rows) {
            return new Entry(merged, rows);
        }

        boolean isStoredBefore() {
            return storedBefore;
        }

        boolean isWritten() {
            return rows != null;
        }
    }

    /**
     * The rows of a written action: the action and its references, with ids.
     *
     * @param where how the rows reach the database
     */
    record StoredRows(ActionEntity action, List<ActionReferenceEntity> references, Where where) {

        /** Rows managed by the unit of work's entity manager, which writes them when it flushes. */
        StoredRows(ActionEntity action, List<ActionReferenceEntity> references) {
            this(action, references, Where.MANAGED);
        }

        /** Whether the rows wait for {@link ActionWriter#writePending}. */
        boolean pending() {
            return where == Where.PENDING;
        }
    }

    /** Where the rows of a written action are. */
    enum Where {
        /** Managed by the unit of work's entity manager. */
        MANAGED,
        /** Only here, with their ids: {@link ActionWriter#writePending} writes them with JDBC, in batches. */
        PENDING,
        /** In the database, written with JDBC: no entity manager manages them. */
        WRITTEN
    }
}
