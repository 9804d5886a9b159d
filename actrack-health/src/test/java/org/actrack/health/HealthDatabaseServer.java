/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.health;

import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * The suite's database server: H2 served over TCP on a free port, which the suite's JDBC URL names (set here, before the
 * suite's database is first used, whatever database the run chose: the suite stops its own server), so that a test can
 * stop the server (every connection to it cut, none accepted) and start it again. The in-memory database itself outlives
 * the server ({@code DB_CLOSE_DELAY=-1}), as a database's files outlive its server. Runs of the build beside each other
 * get a port each.
 */
final class HealthDatabaseServer {

    private static Server server;
    private static String port;

    private HealthDatabaseServer() {}

    /** Starts the server, once per run or again after {@link #stop()}. */
    static synchronized void start() {
        if (server != null && server.isRunning(false)) {
            return;
        }
        try {
            if (port == null) {
                port = String.valueOf(freePort());
                System.setProperty("actrack.test.db", "h2");
                System.setProperty(
                        "actrack.test.jdbc.url",
                        "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:actrack-health;DB_CLOSE_DELAY=-1");
                System.setProperty("actrack.test.jdbc.user", "sa");
                System.setProperty("actrack.test.jdbc.password", "");
                System.setProperty("actrack.test.pool.validate", "true");
            }
            server = Server.createTcpServer("-tcpPort", port, "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the suite's H2 server", e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("No free port for the suite's H2 server", e);
        }
    }

    /** Stops the server: its connections are closed and new ones refused until {@link #start()}. */
    static synchronized void stop() {
        server.stop();
    }
}
