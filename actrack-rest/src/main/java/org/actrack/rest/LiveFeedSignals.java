/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.actrack.spi.Notifications;

/**
 * How other nodes' commits reach this node's live feeds: the seam for a message broker. The default,
 * {@link DatabaseSignals}, listens to PostgreSQL's notifications ({@code actrack.notify-channel}); on other databases
 * it has nothing to listen to, and the live feeds learn of other nodes' actions by their periodic read
 * ({@code actrack.rest.poll-seconds}), which goes on in every case (for late commits, and for signals lost while a
 * connection was down). An application whose nodes share a broker replaces it with an
 * {@code @Alternative @Priority(…)} bean of this type that hands on what its nodes publish after their commits.
 */
public interface LiveFeedSignals {

    /**
     * Starts handing this node's live feeds what other nodes announce, until the returned handle is closed.
     *
     * @param receiver takes what arrived: whether actions were stored, and whose trackers changed; cheap, never blocks
     * @param threads the node's threads for a listening loop (managed threads in a server)
     * @return the subscription, closed when the live feeds stop
     */
    AutoCloseable subscribe(Consumer<Notifications.Received> receiver, ThreadFactory threads);
}
