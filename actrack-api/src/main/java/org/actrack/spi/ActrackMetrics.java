/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.time.Duration;

/**
 * Where actrack's modules report what they do, for metrics: a bean of the application (actrack-metrics provides one on
 * OpenTelemetry) that actrack-cdi's outbox relay and actrack-rest's live feeds call when it exists. Every method has a
 * default that does nothing, and each call must return at once (it runs on actrack's threads); implementations must be
 * thread-safe.
 */
public interface ActrackMetrics {

    /** Records nothing: what the modules use without a bean. */
    ActrackMetrics NONE = new ActrackMetrics() {};

    /** A live feed (actrack-rest) opened. */
    default void liveFeedOpened() {}

    /** A live feed closed, whatever the reason (the client left, too slow, the application stopped). */
    default void liveFeedClosed() {}

    /**
     * An action went out on a live feed.
     *
     * @param sinceLogged from the action's timestamp (when it was logged) to when its event was handed to the client's
     *        connection
     */
    default void liveActionSent(Duration sinceLogged) {}

    /**
     * A transaction that stored actions committed, and with them their unread marks: one per user an action became
     * unread for (by the application's trackers). Not called for a transaction that wrote none.
     *
     * @param marks how many the transaction wrote
     */
    default void unreadMarksWritten(long marks) {}

    /**
     * The outbox relay delivered events.
     *
     * @param events how many, in one round of the exporter
     */
    default void eventsExported(int events) {}

    /**
     * The outbox relay's exporter failed to deliver events; they are tried again later, or left aside as dead.
     *
     * @param events how many the failed call carried
     */
    default void exportFailed(int events) {}
}
