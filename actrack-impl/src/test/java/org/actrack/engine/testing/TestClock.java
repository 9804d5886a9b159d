/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; by default each reading advances it by one millisecond. */
public final class TestClock extends Clock {

    private Instant now;
    private Duration tick = Duration.ofMillis(1);

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Reads the time, then advances by the tick. */
    @Override
    public synchronized Instant instant() {
        Instant reading = now;
        now = now.plus(tick);
        return reading;
    }

    /** The time the next reading returns. */
    public synchronized Instant peek() {
        return now;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** How far each reading moves the clock; zero freezes it. */
    public synchronized void tick(Duration duration) {
        tick = duration;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The test clock is UTC");
    }
}
