/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small pooled data source over {@link DriverManager} that records every SQL statement prepared, so
 * tests can check how many round trips an operation costs without depending on the JPA provider, and
 * counts the statements executed (a JDBC batch is one), which the benchmarks report.
 */
public final class CountingDataSource extends DataSourceBase {

    private final String url;
    private final String user;
    private final String password;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final AtomicLong executions = new AtomicLong();
    private final AtomicLong executionNanos = new AtomicLong();
    private final boolean recordsStatements;

    public CountingDataSource(String url, String user, String password) {
        this(url, user, password, true);
    }

    /**
     * @param recordsStatements whether the SQL of every statement is kept for {@link #statements()}; benchmarks,
     *        which send millions, only count them
     */
    public CountingDataSource(String url, String user, String password, boolean recordsStatements) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.recordsStatements = recordsStatements;
    }

    /** The SQL prepared since the last {@link #reset()}. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The SELECT statements prepared since the last {@link #reset()}. */
    public List<String> selects() {
        return statements.stream()
                .filter(sql -> sql.stripLeading().toUpperCase().startsWith("SELECT"))
                .toList();
    }

    /** The statements executed since the data source was created: each {@code execute…} call, a batch counting once. */
    public long executions() {
        return executions.get();
    }

    /**
     * The time spent in {@code execute…} calls since the data source was created, in nanoseconds: the database's
     * work and the round trips, as the driver sees them (reading a result set after the call is not included).
     */
    public long executionNanos() {
        return executionNanos.get();
    }

    public void reset() {
        statements.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical;
        synchronized (idle) {
            physical = idle.poll();
        }
        // -Dactrack.test.pool.validate=true: an idle connection a stopped database server broke is dropped.
        if (physical == null
                || physical.isClosed()
                || (Boolean.getBoolean("actrack.test.pool.validate") && !physical.isValid(2))) {
            physical = DriverManager.getConnection(url, user, password);
        }
        Connection target = physical;
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (!target.getAutoCommit()) {
                                target.rollback();
                                target.setAutoCommit(true);
                            }
                            synchronized (idle) {
                                idle.push(target);
                            }
                            return null;
                        }
                        case "prepareStatement", "prepareCall" -> {
                            if (recordsStatements) {
                                statements.add((String) args[0]);
                            }
                        }
                        case "unwrap" -> {
                            return target.unwrap((Class<?>) args[0]);
                        }
                        default -> {}
                    }
                    Object result = invoke(target, method, args);
                    return result instanceof Statement statement ? counting(statement, method.getReturnType()) : result;
                });
    }

    private Object counting(Statement statement, Class<?> type) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, args);
            }
            executions.incrementAndGet();
            long start = System.nanoTime();
            try {
                return invoke(statement, method, args);
            } finally {
                executionNanos.addAndGet(System.nanoTime() - start);
            }
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public void closeAll() throws SQLException {
        synchronized (idle) {
            for (Connection connection : idle) {
                connection.close();
            }
            idle.clear();
        }
    }
}
