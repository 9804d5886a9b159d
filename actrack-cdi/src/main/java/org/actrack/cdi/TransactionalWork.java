/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;
import org.actrack.ActrackException;

/**
 * Runs engine work in a JTA transaction: the caller's or a new one.
 *
 * <p>Joining the caller's transaction, bad input leaves it usable (spec §0.16): the engine refuses bad input
 * before it writes anything, so a non-retryable {@link ActrackException} does not mark the transaction for
 * rollback. A retryable one (a conflict with concurrent transactions) does: the transaction cannot commit
 * what it did. A transaction of its own rolls back on any exception.
 */
@ApplicationScoped
class TransactionalWork {

    @Inject
    TransactionQueues transactions;

    @Transactional(value = TxType.REQUIRED, dontRollbackOn = ActrackException.class)
    public <T> T required(Supplier<T> work) {
        try {
            return work.get();
        } catch (ActrackException failure) {
            if (failure.isRetryable()) {
                transactions.markRollbackOnly();
            }
            throw failure;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public <T> T requiresNew(Supplier<T> work) {
        return work.get();
    }
}
