/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * The suite's database server: H2 served over TCP on {@code actrack.health.test.port}, which the suite's JDBC URL names,
 * so that a test can stop the server (every connection to it cut, none accepted) and start it again. The in-memory
 * database itself outlives the server ({@code DB_CLOSE_DELAY=-1}), as a database's files outlive its server.
 */
final class HealthDatabaseServer {

    private static Server server;

    private HealthDatabaseServer() {}

    /** Starts the server, once per run or again after {@link #stop()}. */
    static synchronized void start() {
        if (server != null && server.isRunning(false)) {
            return;
        }
        try {
            server = Server.createTcpServer("-tcpPort", System.getProperty("actrack.health.test.port"), "-ifNotExists")
                    .start();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the suite's H2 server", e);
        }
    }

    /** Stops the server: its connections are closed and new ones refused until {@link #start()}. */
    static synchronized void stop() {
        server.stop();
    }
}
