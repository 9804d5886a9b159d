/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import java.util.Map;
import java.util.function.Supplier;
import org.actrack.ActionLog;
import org.actrack.cdi.testing.CommittedWork;
import org.actrack.cdi.testing.JtaDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RestServer} for a test class, on an empty database before each test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RestServerExtension server = RestServerExtension.with(Map.of(), TrainsVisible.class);
 * }</pre>
 */
public final class RestServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final Map<String, String> config;
    private final Class<?>[] beans;
    private RestServer server;

    private RestServerExtension(Map<String, String> config, Class<?>[] beans) {
        this.config = config;
        this.beans = beans;
    }

    /** A server with these MicroProfile Config values and application beans. */
    public static RestServerExtension with(Map<String, String> config, Class<?>... beans) {
        return new RestServerExtension(config, beans);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RestServer.start(config, beans);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        JtaDatabase.get().clean();
    }

    public RestServer server() {
        return server;
    }

    /** A bean of the server's container. */
    public <T> T bean(Class<T> type) {
        return server.bean(type);
    }

    /** A client signed in as {@code name}. */
    public Http as(String name) {
        return Http.as(server, name);
    }

    /** A client that is not signed in. */
    public Http anonymous() {
        return Http.anonymous(server);
    }

    /** The server's action log. */
    public ActionLog log() {
        return server.bean(ActionLog.class);
    }

    /** The application's entity manager (transaction-scoped). */
    public EntityManager entityManager() {
        return JtaDatabase.get().entityManager();
    }

    /** Runs work in a JTA transaction that commits. */
    public <T> T inTransaction(Supplier<T> work) {
        return CommittedWork.inTransaction(server.bean(TransactionManager.class), work);
    }

    /** Runs work in a JTA transaction that commits. */
    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Persists an entity in a transaction of its own. */
    public <T> T persist(T entity) {
        return inTransaction(() -> {
            entityManager().persist(entity);
            return entity;
        });
    }
}
