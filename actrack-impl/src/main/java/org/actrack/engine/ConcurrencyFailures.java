/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;
import org.actrack.ActrackException;

/**
 * Recognises the failures a database reports because of concurrent transactions (a deadlock, a
 * serialization failure, a lock timeout) and turns them into a retryable {@link ActrackException}
 * ({@link org.actrack.ErrorCode#CONCURRENT_CONFLICT}) with the database's exception as the cause. Any other
 * failure passes through unchanged.
 *
 * <p>Recognised: SQLSTATE {@code 40001} (serialization failure; MariaDB's and H2's deadlock), {@code 40P01}
 * (PostgreSQL's deadlock), {@code 55P03} (PostgreSQL's lock not available), {@code HYT00} (H2's lock
 * timeout), MariaDB's error numbers 1205 (lock wait timeout) and 1213 (deadlock), H2's general error 50000
 * when it says a transaction "was illegally transitioned" (H2 2.3 reports so when it rolls back a deadlock
 * victim whose statement is still running; seen once in the concurrency suite on Hibernate), and the JPA
 * {@link PessimisticLockException} and {@link LockTimeoutException}.
 */
final class ConcurrencyFailures {

    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    private static final Set<Integer> RETRYABLE_MARIADB_ERRORS = Set.of(1205, 1213);
    private static final int H2_GENERAL_ERROR = 50000;
    private static final String H2_ROLLED_BACK_VICTIM = "Transaction was illegally transitioned";

    private ConcurrencyFailures() {}

    /**
     * The failure to throw for {@code failure}, raised while doing {@code what} ("logging an action").
     */
    static RuntimeException translate(RuntimeException failure, String what) {
        if (failure instanceof ActrackException) {
            return failure;
        }
        String reason = reason(failure);
        return reason == null ? failure : Problem.CONCURRENT_CONFLICT.exception(failure, what, reason);
    }

    /** What the database said, when the failure came from concurrent transactions; else {@code null}. */
    private static String reason(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (RETRYABLE_STATES.contains(e.getSQLState())
                            || RETRYABLE_MARIADB_ERRORS.contains(e.getErrorCode())
                            || isH2RolledBackVictim(e)) {
                        return "SQLSTATE " + e.getSQLState() + ", error " + e.getErrorCode() + ": "
                                + firstLine(e.getMessage());
                    }
                }
            }
            if (cause instanceof PessimisticLockException || cause instanceof LockTimeoutException) {
                return cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
            }
        }
        return null;
    }

    private static boolean isH2RolledBackVictim(SQLException e) {
        return e.getErrorCode() == H2_GENERAL_ERROR
                && e.getMessage() != null
                && e.getMessage().contains(H2_ROLLED_BACK_VICTIM);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
