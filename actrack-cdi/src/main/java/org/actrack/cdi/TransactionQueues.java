/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.actrack.ActionStored;
import org.actrack.engine.write.ActionQueue;
import org.actrack.engine.write.QueueBinding;
import org.actrack.spi.ActrackMetrics;

/**
 * Binds queues to the unit of work, as spec §0.1 asks:
 * <ul>
 * <li>in a JTA transaction, one queue per transaction, kept as a transaction resource; its actions are
 * written into the transaction as they are logged (never in {@code beforeCompletion}, where a late
 * synchronization loses rows the persistence context holds), so they commit or roll back with it; their
 * unread marks are written in {@code beforeCompletion} by native statements only, which a late
 * synchronization may send (measured on both providers under Narayana, Payara and WildFly), all at once
 * (see {@link ActionQueue#forTransactionWithCommitHook()}); {@link ActionStored} events are fired after
 * commit;</li>
 * <li>with no transaction but a request, the request's queue, written when the request ends;</li>
 * <li>with neither, no queue: the action is written at once in a transaction of its own.</li>
 * </ul>
 */
@ApplicationScoped
class TransactionQueues implements QueueBinding {

    private static final System.Logger LOGGER = System.getLogger(TransactionQueues.class.getName());
    private static final String REGISTRY_JNDI_NAME = "java:comp/TransactionSynchronizationRegistry";

    @Inject
    Instance<TransactionSynchronizationRegistry> registries;

    @Inject
    BeanManager beanManager;

    @Inject
    RequestActionQueue requestQueue;

    @Inject
    Event<ActionStored> storedEvents;

    @Inject
    Instance<ActrackMetrics> metrics;

    private TransactionSynchronizationRegistry registry;

    /** What writes a queue's remaining unread marks before its transaction commits (the engine's). */
    private volatile java.util.function.Consumer<ActionQueue> beforeCommit = queue -> {};

    @PostConstruct
    void findRegistry() {
        if (registries.isResolvable()) {
            registry = registries.get();
            return;
        }
        try {
            registry = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY_JNDI_NAME);
        } catch (NamingException | RuntimeException | LinkageError noJta) {
            LOGGER.log(
                    System.Logger.Level.INFO,
                    "No JTA transaction synchronization registry: actions are written per request or at once");
        }
    }

    @Override
    public ActionQueue current() {
        if (inTransaction()) {
            return transactionQueue();
        }
        return requestActive() ? requestQueue.queue() : null;
    }

    @Override
    public java.util.List<ActionQueue> waiting() {
        return requestActive() && !requestQueue.queue().isEmpty()
                ? java.util.List.of(requestQueue.queue())
                : java.util.List.of();
    }

    /** Whether a JTA transaction is associated with this thread. */
    boolean inTransaction() {
        return registry != null && registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /** Sets what writes a transaction queue's remaining unread marks before the transaction commits. */
    void beforeCommit(java.util.function.Consumer<ActionQueue> writer) {
        this.beforeCommit = writer;
    }

    /** Marks the current transaction for rollback. */
    void markRollbackOnly() {
        registry.setRollbackOnly();
    }

    @Override
    public ActionQueue existing() {
        if (inTransaction()) {
            return (ActionQueue) registry.getResource(this);
        }
        return requestActive() ? requestQueue.queue() : null;
    }

    private ActionQueue transactionQueue() {
        ActionQueue queue = (ActionQueue) registry.getResource(this);
        if (queue == null) {
            ActionQueue created = ActionQueue.forTransactionWithCommitHook();
            registry.putResource(this, created);
            registry.registerInterposedSynchronization(new AnnounceAfterCommit(created));
            queue = created;
        }
        return queue;
    }

    private boolean requestActive() {
        try {
            return beanManager.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException notActive) {
            return false;
        }
    }

    void announce(ActionQueue queue) {
        if (queue.unreadMarksWritten() > 0 && metrics.isResolvable()) {
            try {
                metrics.get().unreadMarksWritten(queue.unreadMarksWritten());
            } catch (RuntimeException recorderFailure) {
                LOGGER.log(
                        System.Logger.Level.WARNING, "actrack's metrics failed to count unread marks", recorderFailure);
            }
        }
        for (ActionStored stored : queue.stored()) {
            try {
                storedEvents.fire(stored);
            } catch (RuntimeException observerFailure) {
                LOGGER.log(
                        System.Logger.Level.WARNING,
                        "An observer of ActionStored failed for action " + stored.id(),
                        observerFailure);
            }
        }
    }

    /**
     * Runs {@code announcement} once the current transaction has committed (never when it rolls back), or at once
     * when there is none. Its failure is logged, never thrown: the work it announces is done.
     */
    void afterCommit(String what, Runnable announcement) {
        Runnable guarded = () -> {
            try {
                announcement.run();
            } catch (RuntimeException observerFailure) {
                LOGGER.log(System.Logger.Level.WARNING, "An observer of " + what + " failed", observerFailure);
            }
        };
        if (!inTransaction()) {
            guarded.run();
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    guarded.run();
                }
            }
        });
    }

    /**
     * Writes the unread marks of a transaction's actions before it commits, and fires their events once it has
     * committed; nothing when it rolls back. A failure to write the marks (a conflict with another transaction)
     * rolls the transaction back: its commit then fails with the database's error as cause.
     */
    private final class AnnounceAfterCommit implements Synchronization {
        private final ActionQueue queue;

        AnnounceAfterCommit(ActionQueue queue) {
            this.queue = queue;
        }

        @Override
        public void beforeCompletion() {
            try {
                beforeCommit.accept(queue);
            } catch (RuntimeException failure) {
                LOGGER.log(
                        System.Logger.Level.WARNING,
                        "actrack could not write the unread marks of the transaction's actions;"
                                + " the transaction rolls back",
                        failure);
                throw failure;
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                announce(queue);
            }
        }
    }
}
