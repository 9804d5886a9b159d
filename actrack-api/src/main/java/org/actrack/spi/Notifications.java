/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.time.Duration;
import java.util.Set;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.ObjectRef;

/**
 * A node's connection that receives what other nodes' committed transactions announce ({@link Fanout#listen}):
 * that actions were stored, and whose trackers changed. For one thread, which waits on it in a loop.
 */
public interface Notifications extends AutoCloseable {

    /**
     * Waits for notifications, and returns what arrived (several notifications at once are folded together).
     *
     * @param timeout the longest wait
     * @return what arrived; {@link Received#NOTHING} when nothing did within the time
     * @throws ActrackException ({@link ErrorCode#NOTIFICATIONS_UNAVAILABLE}) when the connection broke: close it and
     *         open another
     */
    Received await(Duration timeout);

    /** Closes the connection; waiting on it afterwards fails. */
    @Override
    void close();

    /**
     * What arrived.
     *
     * @param actionsStored whether some transaction stored actions
     * @param trackersChanged the users whose trackers changed
     */
    record Received(boolean actionsStored, Set<ObjectRef> trackersChanged) {

        /** Nothing arrived. */
        public static final Received NOTHING = new Received(false, Set.of());

        /**
         * Copies the set.
         *
         * @param actionsStored whether some transaction stored actions
         * @param trackersChanged the users whose trackers changed
         */
        public Received {
            trackersChanged = Set.copyOf(trackersChanged);
        }

        /**
         * Whether anything arrived.
         *
         * @return whether anything arrived
         */
        public boolean isEmpty() {
            return !actionsStored && trackersChanged.isEmpty();
        }
    }
}
