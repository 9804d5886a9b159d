/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.function.Function;
import org.actrack.engine.sql.ProviderHooks;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.EntityManagerSource;

/**
 * Runs engine work with an entity manager of a persistence unit. Writes join the caller's
 * transaction when one is active, so they commit or roll back with it; otherwise they get their own
 * resource-local transaction. A failure the database reports because of concurrent transactions becomes a
 * retryable {@link org.actrack.ActrackException} ({@link ConcurrencyFailures}).
 */
public final class UnitOfWork {

    /** When a write in the caller's transaction sends its statements to the database. */
    public enum Flush {
        /**
         * Before returning: no actrack row waits in the persistence context, later bulk statements see every
         * row, and errors surface at the call. For tracking, marking read and removals.
         */
        AT_ONCE,
        /**
         * When the persistence context next flushes (at the latest when the transaction commits), so that the
         * rows of many calls go to the database together, in JDBC batches where the provider batches. For
         * logging, where nothing else in the call needs the rows.
         */
        WITH_TRANSACTION,
        /**
         * Never by actrack: for work done while the provider removes an entity, where a flush would write the
         * half-done removal (deleting a parent before its cascaded children).
         */
        NEVER
    }

    private final EntityManagerSource source;
    private final ProviderHooks hooks;
    /**
     * Writes the unread marks the caller's transaction still owes, before other work sees the tables; it checks
     * itself whether any are pending and whether {@code em} is in that transaction.
     */
    private volatile java.util.function.BiConsumer<EntityManager, String> pendingUnread = (em, unit) -> {};

    public UnitOfWork(EntityManagerSource source, ProviderHooks hooks) {
        this.source = source;
        this.hooks = hooks;
    }

    /**
     * What runs before any work in the caller's transaction but logging: the unread marks its earlier actions still
     * owe are written first (see {@link ActionQueue#forTransactionWithCommitHook()}).
     */
    public void beforeOtherWork(java.util.function.BiConsumer<EntityManager, String> writePending) {
        this.pendingUnread = writePending;
    }

    /** Prepares the persistence unit for actrack (see {@link ProviderHooks}) without other work. */
    public void prepare(String unit) {
        read(unit, em -> null);
    }

    /**
     * Reads. In the caller's transaction a query may first flush what the transaction wrote before (actrack's
     * or the caller's rows), so a read too can meet a conflict with concurrent transactions.
     */
    public <T> T read(String unit, Function<EntityManager, T> work) {
        return read(unit, work, true);
    }

    /** Reads what logging needs (validation): the unread marks earlier actions owe may wait. */
    public <T> T readForLogging(String unit, Function<EntityManager, T> work) {
        return read(unit, work, false);
    }

    private <T> T read(String unit, Function<EntityManager, T> work, boolean seesUnread) {
        try {
            return source.withEntityManager(unit, em -> {
                hooks.prepare(em.getEntityManagerFactory());
                if (seesUnread) {
                    pendingUnread.accept(em, unit);
                }
                return work.apply(em);
            });
        } catch (RuntimeException failure) {
            throw ConcurrencyFailures.translate(failure, "reading");
        }
    }

    /**
     * The rows of one of actrack's native reads on {@code em}, through the provider seam ({@link ProviderHooks#nativeRows}).
     *
     * @param parameters bound in order; {@code Long[]} and {@code String[]} as SQL arrays
     */
    public List<Object[]> nativeRows(EntityManager em, String sql, List<Object> parameters) {
        return hooks.nativeRows(em, sql, parameters);
    }

    /** Writes in the caller's transaction, or in one of its own, flushing before it returns. */
    public <T> T write(String unit, String what, Function<EntityManager, T> work) {
        return write(unit, what, Flush.AT_ONCE, work);
    }

    public <T> T write(String unit, String what, Flush flush, Function<EntityManager, T> work) {
        try {
            return source.withEntityManager(unit, em -> {
                hooks.prepare(em.getEntityManagerFactory());
                if (flush == Flush.AT_ONCE) {
                    pendingUnread.accept(em, unit);
                }
                return inTransaction(unit, em, work, flush);
            });
        } catch (RuntimeException failure) {
            throw ConcurrencyFailures.translate(failure, what);
        }
    }

    private static <T> T inTransaction(String unit, EntityManager em, Function<EntityManager, T> work, Flush flush) {
        // Asked first, and without provoking an exception: a container marks the caller's transaction for
        // rollback when an entity manager joined to it throws (getTransaction() throws on JTA ones).
        if (em.isJoinedToTransaction()) {
            return flushed(em, work.apply(em), flush);
        }
        EntityTransaction transaction;
        try {
            transaction = em.getTransaction();
        } catch (IllegalStateException jtaEntityManager) {
            throw Problem.NO_TRANSACTION.exception(unit == null ? "(default)" : unit);
        }
        if (transaction.isActive()) {
            return flushed(em, work.apply(em), flush);
        }
        transaction.begin();
        try {
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        }
    }

    /**
     * Whether {@code em} works in a transaction of the caller's (JTA, or resource-local and begun). Asked only when
     * unread marks are pending: on a JTA entity manager outside a transaction it costs an exception.
     */
    public static boolean inTransaction(EntityManager em) {
        if (em.isJoinedToTransaction()) {
            return true;
        }
        try {
            return em.getTransaction().isActive();
        } catch (IllegalStateException jtaEntityManager) {
            return false;
        }
    }

    private static <T> T flushed(EntityManager em, T result, Flush flush) {
        if (flush == Flush.AT_ONCE) {
            em.flush();
        }
        return result;
    }
}
