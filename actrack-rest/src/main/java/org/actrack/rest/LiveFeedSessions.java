/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Ending an HTTP session (signing out, or its timeout) closes the live feeds opened in it: a feed never outlives the
 * sign-in it was opened with. Internal: public only so that the container can instantiate it.
 */
@WebListener
public final class LiveFeedSessions implements HttpSessionListener {

    private static final System.Logger LOGGER = System.getLogger(LiveFeedSessions.class.getName());

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        try {
            CDI.current()
                    .select(LiveFeeds.class)
                    .get()
                    .sessionEnded(event.getSession().getId());
        } catch (IllegalStateException containerGone) {
            // The application is stopping: its live feeds close with it.
            LOGGER.log(System.Logger.Level.DEBUG, "No live feeds to close at the end of a session", containerGone);
        }
    }
}
