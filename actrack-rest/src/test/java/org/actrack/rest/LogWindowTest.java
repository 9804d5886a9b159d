/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.actrack.ActionKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where a node stands in the log: what is new, from where to read again, when the full read is due. On a fake clock. */
class LogWindowTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

    private final FakeClock clock = new FakeClock(START);
    private LogWindow window;

    @BeforeEach
    void started() {
        window = new LogWindow(clock, Duration.ofSeconds(10), Duration.ofSeconds(2));
        window.start();
    }

    @Test
    void anActionIsNewOnceAndNothingLoggedBeforeTheStartIsNews() {
        assertThat(window.take(key(1, 100))).isTrue();
        assertThat(window.take(key(1, 100))).as("seen").isFalse();
        assertThat(window.take(new ActionKey(START.minusMillis(1), 99)))
                .as("before the start")
                .isFalse();
    }

    @Test
    void aReadStartsBelowTheNewestSeenByTheQuickLookbackOrTheLateWindowNeverBelowTheStart() {
        assertThat(window.readFrom(false)).as("nothing seen: from the start").isEqualTo(START);
        window.take(key(30, 1));

        assertThat(window.readFrom(false)).isEqualTo(START.plusSeconds(30).minus(LogWindow.QUICK_LOOKBACK));
        assertThat(window.readFrom(true)).isEqualTo(START.plusSeconds(20));
        window.take(key(5, 2));
        assertThat(window.readFrom(true)).as("newest still 30 s").isEqualTo(START.plusSeconds(20));
    }

    @Test
    void aReleasedActionIsTakenAgainByTheNextReadThatReachesIt() {
        window.take(key(8, 10));
        window.take(key(9, 11));

        window.release(10);

        assertThat(window.takeAll(List.of(key(8, 10), key(9, 11))))
                .as("announced but not readable the first time: the next read sends it")
                .containsExactly(key(8, 10));
        assertThat(window.take(key(8, 10))).as("and only once").isFalse();
    }

    @Test
    void aLateCommitBelowTheNewestIsNewAndTakenOnlyOnce() {
        window.take(key(8, 10));
        window.take(key(9, 11));

        List<ActionKey> read = List.of(key(7, 9), key(8, 10), key(9, 11), key(9, 12));

        assertThat(window.takeAll(read)).containsExactly(key(7, 9), key(9, 12));
        assertThat(window.takeAll(read)).isEmpty();
    }

    @Test
    void idsBelowTheLateWindowAreForgottenAndNeverReadAgain() {
        window.take(key(1, 1));
        window.take(key(2, 2));
        window.take(key(30, 3));

        window.forgetBelowTheWindow();

        assertThat(window.remembered()).isEqualTo(1);
        assertThat(window.readFrom(true)).isEqualTo(START.plusSeconds(20));
        assertThat(window.take(key(15, 4)))
                .as("below the window: older than any read reaches")
                .isFalse();
    }

    @Test
    void theFullReadIsDueEveryPollInterval() {
        assertThat(window.fullReadDue()).isFalse();
        clock.advance(Duration.ofMillis(1999));
        assertThat(window.fullReadDue()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(window.fullReadDue()).isTrue();
        window.readFrom(true);
        assertThat(window.fullReadDue()).as("just read").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(window.fullReadDue()).isTrue();
    }

    @Test
    void withoutPollsTheFullReadIsNeverDue() {
        LogWindow noPolls = new LogWindow(clock, Duration.ofSeconds(10), Duration.ZERO);
        noPolls.start();
        clock.advance(Duration.ofHours(1));

        assertThat(noPolls.fullReadDue()).isFalse();
    }

    @Test
    void stoppingForgetsEverythingAndAStartBeginsAtTheClock() {
        window.take(key(1, 1));
        window.stop();
        clock.advance(Duration.ofMinutes(5));

        window.start();

        assertThat(window.remembered()).isZero();
        assertThat(window.take(key(1, 1))).as("before the new start").isFalse();
        assertThat(window.take(new ActionKey(clock.instant(), 2))).isTrue();
    }

    private static ActionKey key(int seconds, long id) {
        return new ActionKey(START.plusSeconds(seconds), id);
    }

    /** A clock that moves only when told. */
    private static final class FakeClock extends Clock {
        private Instant now;

        FakeClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
