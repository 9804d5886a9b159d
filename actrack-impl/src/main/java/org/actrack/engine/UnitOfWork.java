package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;
import org.actrack.spi.EntityManagerSource;

/**
 * Runs engine work with an entity manager of a persistence unit. Writes join the caller's
 * transaction when one is active, so they commit or roll back with it; otherwise they get their own
 * resource-local transaction.
 */
final class UnitOfWork {

    private final EntityManagerSource source;

    UnitOfWork(EntityManagerSource source) {
        this.source = source;
    }

    <T> T read(String unit, Function<EntityManager, T> work) {
        return source.withEntityManager(unit, work);
    }

    /**
     * Writes in the caller's transaction, or in one of its own. In the caller's transaction the work is
     * flushed before returning, so that no actrack row waits in the persistence context: later bulk
     * statements (which the removal of an entity runs) then see every row, and errors surface at the call.
     */
    <T> T write(String unit, Function<EntityManager, T> work) {
        return source.withEntityManager(unit, em -> inTransaction(unit, em, work, true));
    }

    /**
     * Writes without flushing: for work done while the provider removes an entity, where a flush would
     * write the half-done removal (deleting a parent before its cascaded children).
     */
    <T> T writeDuringRemoval(String unit, Function<EntityManager, T> work) {
        return source.withEntityManager(unit, em -> inTransaction(unit, em, work, false));
    }

    private static <T> T inTransaction(String unit, EntityManager em, Function<EntityManager, T> work, boolean flush) {
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

    private static <T> T flushed(EntityManager em, T result, boolean flush) {
        if (flush) {
            em.flush();
        }
        return result;
    }
}
