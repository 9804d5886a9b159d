/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.actrack.ActionKey;

/**
 * What one live feed has sent, and the event id each new action gets. Pure logic, no I/O.
 *
 * <p>An event's id is a position the client can resume from ({@code Last-Event-ID}): the newest position sent so far.
 * An action newer than every one sent carries its own position; an action committed late, older than one already
 * sent, carries the newer position, so that a client resuming with it is never sent an action twice. An action at or
 * below the position the client resumed from was sent before (or is older than what it asked for) and is skipped;
 * ids sent are remembered while they are within the late-commit window below the newest sent.
 */
final class FeedWindow {

    private final Duration lateWindow;
    private final ActionKey floor;
    private final TreeMap<ActionKey, Boolean> sent = new TreeMap<>();
    private final java.util.Set<Long> sentIds = new java.util.HashSet<>();
    private ActionKey newest;
    private String newestId;

    /**
     * @param floor the position the client resumed from, or for a feed opened afresh the instant it opened: nothing at or
     *        below it is sent
     */
    FeedWindow(Duration lateWindow, ActionKey floor) {
        this.lateWindow = lateWindow;
        this.floor = floor;
    }

    /**
     * Places an action about to be sent: the event id it goes with, or empty when it must not be sent (sent already,
     * or at or below the resume position).
     *
     * @param action the action's position
     * @param ownId the event id of its own position (its cursor)
     */
    Optional<String> place(ActionKey action, String ownId) {
        if ((floor != null && action.compareTo(floor) <= 0) || sentIds.contains(action.id())) {
            return Optional.empty();
        }
        sent.put(action, Boolean.TRUE);
        sentIds.add(action.id());
        if (newest == null || action.compareTo(newest) > 0) {
            newest = action;
            newestId = ownId;
        }
        forgetBelowTheWindow();
        return Optional.of(newestId);
    }

    /** The newest position sent, if any. */
    Optional<ActionKey> newest() {
        return Optional.ofNullable(newest);
    }

    private void forgetBelowTheWindow() {
        Instant windowStart = newest.timestamp().minus(lateWindow);
        while (!sent.isEmpty() && sent.firstKey().timestamp().isBefore(windowStart)) {
            Map.Entry<ActionKey, Boolean> oldest = sent.pollFirstEntry();
            sentIds.remove(oldest.getKey().id());
        }
    }
}
