/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actrack.ActionKey;

/**
 * Where a node stands in the whole log, for its live feeds: which actions it has handed to them, and from where to
 * read the log again so that none is missed. Pure logic, no I/O; tested on a fake clock.
 *
 * <p>Actions are placed by the time they were logged but committed in any order, on any node: one may commit after a
 * newer one was read. So a read starts below the newest action seen, by {@link #QUICK_LOOKBACK} for a read triggered
 * by a notification, and by the late-commit window for the periodic reads (at most every poll interval, by the clock),
 * and skips the ids seen. Ids are remembered as long as they are within the late-commit window below the newest seen;
 * nothing logged before the node began reading ({@link #start}) is ever handed out.
 */
final class LogWindow {

    /** How long after a newer action a late commit is still found, and sent live. */
    static final Duration LATE_WINDOW = Duration.ofSeconds(10);

    /** How far below the newest action seen a read triggered by a notification starts. */
    static final Duration QUICK_LOOKBACK = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration lateWindow;
    private final Duration pollInterval;
    private final Map<Long, Instant> seen = new HashMap<>();
    private Instant floor;
    private ActionKey newest;
    private Instant lastFullRead;

    /**
     * @param lateWindow how long below the newest action a late commit is still found
     * @param pollInterval how often a full read is due; zero for never
     */
    LogWindow(Clock clock, Duration lateWindow, Duration pollInterval) {
        this.clock = clock;
        this.lateWindow = lateWindow;
        this.pollInterval = pollInterval;
    }

    /** Begins at the clock's time: only actions logged from now on are handed out; those before were nobody's news. */
    void start() {
        Instant now = clock.instant();
        floor = now;
        newest = null;
        seen.clear();
        lastFullRead = now;
    }

    boolean started() {
        return floor != null;
    }

    /** Stops: nothing is remembered until the next {@link #start}. */
    void stop() {
        floor = null;
        newest = null;
        seen.clear();
    }

    /** Whether a full read of the late-commit window is due (every poll interval, by the clock). */
    boolean fullReadDue() {
        return !pollInterval.isZero() && !clock.instant().isBefore(lastFullRead.plus(pollInterval));
    }

    /**
     * Where the next read of the log starts: below the newest action seen by the quick lookback or, for a full read,
     * by the late-commit window; never below the floor.
     */
    Instant readFrom(boolean full) {
        Instant now = clock.instant();
        if (full) {
            lastFullRead = now;
        }
        Instant top = newest == null ? now : newest.timestamp();
        Instant from = top.minus(full ? lateWindow : QUICK_LOOKBACK);
        return from.isBefore(floor) ? floor : from;
    }

    /**
     * Takes an action this node learnt of: whether it is new (not seen, not below the floor). New ones are
     * remembered.
     */
    boolean take(ActionKey action) {
        if (action.timestamp().isBefore(floor) || seen.containsKey(action.id())) {
            return false;
        }
        seen.put(action.id(), action.timestamp());
        if (newest == null || action.compareTo(newest) > 0) {
            newest = action;
        }
        return true;
    }

    /**
     * Forgets that an action was taken, so that the next read that reaches it takes it again (an action announced
     * but not readable yet).
     */
    void release(long id) {
        seen.remove(id);
    }

    /** The keys of a read that are new, in their order; each is remembered. */
    List<ActionKey> takeAll(List<ActionKey> read) {
        List<ActionKey> fresh = new ArrayList<>();
        for (ActionKey key : read) {
            if (take(key)) {
                fresh.add(key);
            }
        }
        forgetBelowTheWindow();
        return fresh;
    }

    /** Forgets the ids below the late-commit window: the reads never reach them again. */
    void forgetBelowTheWindow() {
        if (newest == null) {
            return;
        }
        Instant windowStart = newest.timestamp().minus(lateWindow);
        if (windowStart.isAfter(floor)) {
            floor = windowStart;
        }
        seen.values().removeIf(time -> time.isBefore(floor));
    }

    /** How many ids are remembered (for tests and the log). */
    int remembered() {
        return seen.size();
    }
}
