/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import jakarta.transaction.TransactionManager;
import java.util.function.Supplier;

/** Work run in a JTA transaction of its own that commits, or rolls back when the work throws. Shared by the test harnesses. */
public final class CommittedWork {

    private CommittedWork() {}

    /** Runs work in a new JTA transaction and commits it; the work's exception rolls it back and is thrown. */
    public static <T> T inTransaction(TransactionManager transactions, Supplier<T> work) {
        try {
            transactions.begin();
            T result = work.get();
            transactions.commit();
            return result;
        } catch (RuntimeException e) {
            rollbackQuietly(transactions);
            throw e;
        } catch (Exception e) {
            rollbackQuietly(transactions);
            throw new IllegalStateException(e);
        }
    }

    private static void rollbackQuietly(TransactionManager transactions) {
        try {
            transactions.rollback();
        } catch (Exception ignored) {
            // Already rolled back or never begun.
        }
    }
}
