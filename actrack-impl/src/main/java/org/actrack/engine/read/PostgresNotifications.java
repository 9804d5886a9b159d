/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.ObjectRef;
import org.actrack.engine.write.CommitSignal;
import org.actrack.spi.Notifications;

/**
 * PostgreSQL's {@code LISTEN} on a connection of its own. The driver's {@code PGConnection.getNotifications(int)} is
 * called by reflection, so that actrack needs no PostgreSQL driver at compile time (the application's is used).
 */
public final class PostgresNotifications implements Notifications {

    private final Connection connection;
    private final Object pgConnection;
    private final Method getNotifications;
    private final Method getParameter;

    private PostgresNotifications(
            Connection connection, Object pgConnection, Method getNotifications, Method getParameter) {
        this.connection = connection;
        this.pgConnection = pgConnection;
        this.getNotifications = getNotifications;
        this.getParameter = getParameter;
    }

    /** Connects to {@code url} and listens on {@code channel} (an identifier, checked by the settings). */
    public static PostgresNotifications open(String url, String channel) {
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url);
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN \"" + channel + "\"");
            }
            Class<?> pg = Class.forName(
                    "org.postgresql.PGConnection", true, connection.getClass().getClassLoader());
            Class<?> notification = Class.forName(
                    "org.postgresql.PGNotification", true, connection.getClass().getClassLoader());
            return new PostgresNotifications(
                    connection,
                    connection.unwrap(pg),
                    pg.getMethod("getNotifications", int.class),
                    notification.getMethod("getParameter"));
        } catch (SQLException | ReflectiveOperationException | LinkageError e) {
            closeQuietly(connection);
            throw unavailable("could not listen on " + withoutPassword(url) + ": " + e, e);
        }
    }

    @Override
    public Received await(Duration timeout) {
        try {
            Object notifications = getNotifications.invoke(
                    pgConnection, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            if (notifications == null || Array.getLength(notifications) == 0) {
                return Received.NOTHING;
            }
            boolean actions = false;
            Set<ObjectRef> trackers = new HashSet<>();
            for (int i = 0; i < Array.getLength(notifications); i++) {
                String payload = (String) getParameter.invoke(Array.get(notifications, i));
                if (CommitSignal.ACTIONS.equals(payload)) {
                    actions = true;
                } else if (payload != null && payload.startsWith(CommitSignal.TRACKERS)) {
                    trackers.add(ownerOf(payload.substring(CommitSignal.TRACKERS.length())));
                }
            }
            return new Received(actions, trackers);
        } catch (InvocationTargetException e) {
            throw unavailable("the listening connection broke: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw unavailable("the driver refused to report notifications: " + e, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    /** The reference of a key {@code Type#id}. */
    public static ObjectRef ownerOf(String key) {
        int separator = key.indexOf(ObjectRef.KEY_SEPARATOR);
        return separator < 0
                ? ObjectRef.wholeType(key)
                : ObjectRef.of(key.substring(0, separator), key.substring(separator + 1));
    }

    private static ActrackException unavailable(String why, Throwable cause) {
        return new ActrackException(
                ErrorCode.NOTIFICATIONS_UNAVAILABLE, "Notifications are unavailable: " + why, cause);
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1…");
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Gone already.
            }
        }
    }
}
