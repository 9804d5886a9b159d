/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.actrack.spi.Integration;

/**
 * Reads actrack's storage once while the web application starts, in its own naming context. A server calls health
 * checks on threads of its own (Payara's health endpoint, before any request of the application's) where the
 * application's {@code java:comp} is not bound: without this first read, actrack could not find an entity manager that
 * the application declares only as a persistence context reference, and readiness would stay DOWN until a request of
 * the application's came, which a load balancer waiting for readiness never sends.
 */
@WebListener
public class ResolveAtStart implements ServletContextListener {

    private static final System.Logger LOGGER = System.getLogger(ResolveAtStart.class.getName());

    @Inject
    Integration actrack;

    @Override
    public void contextInitialized(ServletContextEvent started) {
        var state = actrack.storageState(1);
        if (!state.reachable()) {
            LOGGER.log(
                    System.Logger.Level.WARNING,
                    "actrack''s storage did not answer while the application started: {0}",
                    state.problem());
        }
    }
}
