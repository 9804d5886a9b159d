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

    <T> T write(String unit, Function<EntityManager, T> work) {
        return source.withEntityManager(unit, em -> inTransaction(unit, em, work));
    }

    private static <T> T inTransaction(String unit, EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction transaction;
        try {
            transaction = em.getTransaction();
        } catch (IllegalStateException jtaEntityManager) {
            if (!em.isJoinedToTransaction()) {
                throw Problem.NO_TRANSACTION.exception(unit == null ? "(default)" : unit);
            }
            return work.apply(em);
        }
        if (transaction.isActive()) {
            return work.apply(em);
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
}
