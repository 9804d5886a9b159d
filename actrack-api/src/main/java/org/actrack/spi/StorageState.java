/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * What one read of actrack's tables found ({@link Integration#storageState(int)}): whether the database answered, and
 * the outbox's backlog, for health checks and metrics.
 *
 * @param reachable whether the database answered a read of actrack's tables
 * @param problem why it did not (the failure's message), or {@code null} when it did
 * @param pendingEvents the outbox's events not yet delivered nor dead, counted up to the limit asked (0 without the
 *        outbox)
 * @param oldestPendingEvent when the oldest of them was written, or {@code null} when there is none
 */
public record StorageState(boolean reachable, String problem, long pendingEvents, Instant oldestPendingEvent) {

    /**
     * A database that did not answer.
     *
     * @param problem why
     * @return the state
     */
    public static StorageState unreachable(String problem) {
        return new StorageState(false, problem, 0, null);
    }

    /**
     * When the oldest undelivered event was written.
     *
     * @return its time, empty when every event was delivered
     */
    public Optional<Instant> oldestPending() {
        return Optional.ofNullable(oldestPendingEvent);
    }
}
