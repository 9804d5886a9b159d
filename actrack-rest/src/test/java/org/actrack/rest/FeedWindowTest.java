/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.actrack.ActionKey;
import org.junit.jupiter.api.Test;

/** What one live feed sends, and the position each event carries. */
class FeedWindowTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void eachActionIsSentOnceWithItsOwnPosition() {
        FeedWindow window = new FeedWindow(Duration.ofSeconds(10), null);

        assertThat(window.place(key(1, 1), "c1")).contains("c1");
        assertThat(window.place(key(2, 2), "c2")).contains("c2");
        assertThat(window.place(key(1, 1), "c1")).as("sent already").isEmpty();
    }

    @Test
    void aLateActionCarriesTheNewerPositionSoThatAResumeNeverRepeats() {
        FeedWindow window = new FeedWindow(Duration.ofSeconds(10), null);
        window.place(key(5, 10), "c10");

        assertThat(window.place(key(4, 11), "c11")).contains("c10");
        assertThat(window.newest()).contains(key(5, 10));
    }

    @Test
    void nothingAtOrBelowTheResumePositionIsSent() {
        FeedWindow window = new FeedWindow(Duration.ofSeconds(10), key(5, 10));

        assertThat(window.place(key(5, 10), "c10")).isEmpty();
        assertThat(window.place(key(4, 99), "c99")).isEmpty();
        assertThat(window.place(key(5, 11), "c11")).contains("c11");
    }

    @Test
    void idsBelowTheLateWindowAreForgotten() {
        FeedWindow window = new FeedWindow(Duration.ofSeconds(10), null);
        window.place(key(1, 1), "c1");
        window.place(key(30, 2), "c2");

        assertThat(window.place(key(1, 1), "c1"))
                .as("forgotten: a window below never reads it again")
                .contains("c2");
    }

    private static ActionKey key(int seconds, long id) {
        return new ActionKey(T.plusSeconds(seconds), id);
    }
}
