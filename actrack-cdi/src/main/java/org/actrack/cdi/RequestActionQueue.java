package org.actrack.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.actrack.engine.ActionQueue;

/**
 * The actions logged outside a transaction during one request: combined as they are logged, grouped and
 * written in one transaction of their own when the request ends.
 */
@RequestScoped
class RequestActionQueue {

    private static final System.Logger LOGGER = System.getLogger(RequestActionQueue.class.getName());

    @Inject
    CdiActionLog actionLog;

    @Inject
    TransactionalWork transactions;

    @Inject
    TransactionQueues queues;

    private final ActionQueue queue = ActionQueue.forRequest();

    ActionQueue queue() {
        return queue;
    }

    @PreDestroy
    void flush() {
        if (queue.isEmpty()) {
            return;
        }
        try {
            transactions.requiresNew(() -> {
                actionLog.flush(queue);
                return null;
            });
            queues.announce(queue);
        } catch (RuntimeException failure) {
            LOGGER.log(System.Logger.Level.ERROR, CdiProblem.FLUSH_FAILED.message(queue.size()), failure);
        }
    }
}
