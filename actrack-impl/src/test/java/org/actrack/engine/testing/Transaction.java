/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.engine.Actrack;
import org.actrack.engine.ActrackEngine;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.EntityManagerSource;

/**
 * One resource-local transaction of its own connection, as one request thread of an application has it,
 * with an {@link ActionLog} whose actions join it through a transaction queue. For tests that run several
 * transactions at once.
 */
public final class Transaction implements AutoCloseable {

    private final EntityManager em;
    private final ActionQueue queue = ActionQueue.forTransactionWithCommitHook();
    private final ActrackEngine log;

    public Transaction(
            EntityManagerFactory factory,
            ActrackSettings settings,
            Clock clock,
            Function<String, ActionHandler> handlers) {
        this(factory, settings, clock, handlers, java.util.Set.of());
    }

    /** @param handlerVerbs the verbs whose handlers are not the default one ({@code Actrack.Builder#handlerVerbs}) */
    public Transaction(
            EntityManagerFactory factory,
            ActrackSettings settings,
            Clock clock,
            Function<String, ActionHandler> handlers,
            java.util.Collection<String> handlerVerbs) {
        this.em = factory.createEntityManager();
        em.getTransaction().begin();
        this.log = Actrack.builder()
                .entityManagerSource(EntityManagerSource.sharing(em))
                .settings(settings)
                .clock(clock)
                .handlers(handlers)
                .handlerVerbs(handlerVerbs)
                .queues(() -> queue)
                .buildEngine();
    }

    public ActionLog log() {
        return log;
    }

    public EntityManager entityManager() {
        return em;
    }

    /** Commits, after the unread marks of the transaction's actions, as actrack-cdi writes them before a JTA commit. */
    public void commit() {
        log.beforeCommit(queue);
        em.getTransaction().commit();
    }

    public void rollback() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
    }

    @Override
    public void close() {
        rollback();
        em.close();
    }
}
