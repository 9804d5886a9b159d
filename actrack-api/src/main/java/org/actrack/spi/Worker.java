/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * A background worker of an actrack module, as a bean, whose state health checks read: the outbox relay of actrack-cdi,
 * the live feeds of actrack-rest. A worker is alive when it runs wherever it is expected to, and no round of it has been
 * busy longer than it should.
 */
public interface Worker {

    /**
     * The worker's name in health reports, for example {@code outbox-relay}.
     *
     * @return the name
     */
    String name();

    /**
     * The worker's state now.
     *
     * @return the state
     */
    State state();

    /**
     * A worker's state.
     *
     * @param expected whether the application's configuration asks for the worker (for the relay: the outbox on and an
     *        exporter bean)
     * @param running whether it is scheduled or has its threads
     * @param busySince when its current round started, or {@code null} when it is between rounds
     * @param stuckAfter how long a round may take before the worker counts as stuck
     * @param detail what an operator should know (for example why it does not run), or {@code null}
     */
    record State(boolean expected, boolean running, Instant busySince, Duration stuckAfter, String detail) {

        /**
         * Whether the worker is alive at {@code now}: not expected, or running with no round busy for longer than
         * {@code stuckAfter}.
         *
         * @param now the time of the check
         * @return whether it is alive
         */
        public boolean aliveAt(Instant now) {
            if (!expected) {
                return true;
            }
            return running && (busySince == null || !busySince.plus(stuckAfter).isBefore(now));
        }
    }
}
