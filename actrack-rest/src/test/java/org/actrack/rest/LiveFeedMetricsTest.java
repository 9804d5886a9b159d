/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.actrack.cdi.fixtures.RecordingMetrics;
import org.actrack.rest.testing.LiveEvents;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live feeds report to the application's metrics bean: feeds opened and closed, and each action they send. */
class LiveFeedMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(
            Map.of(RestSettings.HEARTBEAT_SECONDS.key(), "1", RestSettings.POLL_SECONDS.key(), "1"),
            RecordingMetrics.class);

    @Test
    void aFeedIsCountedOpenWhileItIsAndEachActionItSendsWithItsDelay() throws Exception {
        Railway railway = new Railway(server);
        RecordingMetrics metrics = server.bean(RecordingMetrics.class);
        int openedBefore = metrics.feedsOpened();
        int closedBefore = metrics.feedsClosed();
        int sentBefore = metrics.sent().size();

        try (LiveEvents alice = server.as("alice").live()) {
            assertThat(alice.status()).as(alice.head()).isEqualTo(200);
            assertThat(alice.next(PATIENCE)).as("the greeting").isNotNull();
            railway.announce("counted");
            assertThat(alice.nextNamed(PATIENCE).name()).isEqualTo("action");
            assertThat(metrics.feedsOpened()).isEqualTo(openedBefore + 1);
        }

        long end = System.nanoTime() + PATIENCE.toNanos();
        while (metrics.feedsClosed() == closedBefore && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(metrics.feedsClosed()).as("the client left").isEqualTo(closedBefore + 1);
        assertThat(metrics.sent().subList(sentBefore, metrics.sent().size()))
                .singleElement()
                .satisfies(delay -> assertThat(delay).isBetween(Duration.ZERO, PATIENCE));
    }
}
