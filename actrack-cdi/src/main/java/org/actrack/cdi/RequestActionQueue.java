/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.actrack.ActrackException;
import org.actrack.UnwrittenActions;
import org.actrack.engine.write.ActionQueue;

/**
 * The actions logged outside a transaction during one request: combined as they are logged, grouped and
 * written in one transaction of their own when the request ends. A write that fails because of concurrent
 * transactions is tried again; when writing still fails the actions are never dropped silently: they are
 * logged at ERROR with their content and handed to the application as an {@link UnwrittenActions} event.
 */
@RequestScoped
class RequestActionQueue {

    /** Attempts at writing the queue when the database reports a conflict with concurrent transactions. */
    static final int ATTEMPTS = 3;

    private static final System.Logger LOGGER = System.getLogger(RequestActionQueue.class.getName());

    @Inject
    CdiActionLog actionLog;

    @Inject
    TransactionalWork transactions;

    @Inject
    TransactionQueues queues;

    @Inject
    Event<UnwrittenActions> unwrittenEvents;

    private final ActionQueue queue = ActionQueue.forRequest();

    ActionQueue queue() {
        return queue;
    }

    @PreDestroy
    void flush() {
        if (queue.isEmpty()) {
            return;
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // Each attempt writes a fresh copy: a rolled-back attempt leaves its copy half written.
            ActionQueue copy = queue.unwrittenCopy();
            try {
                transactions.requiresNew(() -> {
                    actionLog.flush(copy);
                    return null;
                });
                queues.announce(copy);
                return;
            } catch (RuntimeException e) {
                failure = e;
                if (!(e instanceof ActrackException actrack && actrack.isRetryable())) {
                    break;
                }
                LOGGER.log(
                        System.Logger.Level.DEBUG,
                        "Writing the request's actions met a conflict; attempt " + attempt,
                        e);
            }
        }
        handOver(failure);
    }

    private void handOver(RuntimeException failure) {
        UnwrittenActions unwritten = new UnwrittenActions(queue.unwritten(), failure);
        LOGGER.log(
                System.Logger.Level.ERROR,
                CdiProblem.REQUEST_QUEUE_UNWRITTEN.message(unwritten.actions().size(), ATTEMPTS, unwritten.actions()),
                failure);
        try {
            unwrittenEvents.fire(unwritten);
        } catch (RuntimeException observerFailure) {
            LOGGER.log(
                    System.Logger.Level.ERROR,
                    CdiProblem.UNWRITTEN_OBSERVER_FAILED.message(
                            unwritten.actions().size()),
                    observerFailure);
        }
    }
}
