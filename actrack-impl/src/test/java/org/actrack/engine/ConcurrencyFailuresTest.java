/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.junit.jupiter.api.Test;

/** Which database failures become the retryable ACTRACK-130, as the providers wrap them. */
class ConcurrencyFailuresTest {

    @Test
    void deadlocksTimeoutsAndSerializationFailuresAreRetryable() {
        assertRetryable(new SQLException("deadlock detected", "40P01", 0));
        assertRetryable(new SQLException("could not serialize access", "40001", 0));
        assertRetryable(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
        assertRetryable(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
        assertRetryable(new SQLException("Timeout trying to lock table", "HYT00", 50200));
    }

    @Test
    void h2sRolledBackDeadlockVictimIsRetryable() {
        assertRetryable(new SQLException(
                "General error: \"Transaction was illegally transitioned from ROLLING_BACK to"
                        + " ROLLING_BACK [2.3.232/103]\"",
                "HY000",
                50000));
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        PersistenceException other =
                new PersistenceException(new SQLException("General error: disk full", "HY000", 50000));
        PersistenceException constraint = new PersistenceException(new SQLException("duplicate key", "23505", 0));

        assertThat(ConcurrencyFailures.translate(other, "logging an action")).isSameAs(other);
        assertThat(ConcurrencyFailures.translate(constraint, "logging an action"))
                .isSameAs(constraint);
    }

    private static void assertRetryable(SQLException cause) {
        RuntimeException translated =
                ConcurrencyFailures.translate(new PersistenceException(cause), "logging an action");

        assertThat(translated)
                .isInstanceOfSatisfying(ActrackException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_CONFLICT);
                    assertThat(e.isRetryable()).isTrue();
                })
                .hasMessageContaining("logging an action")
                .hasRootCause(cause);
    }
}
