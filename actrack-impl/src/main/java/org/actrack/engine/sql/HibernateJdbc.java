/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Plain JDBC on the session's connection on Hibernate ORM (see {@link ProviderHooks}): actrack's native reads, and
 * the statements it batches ({@link #doWork}). For the reads: a Hibernate native query resolves a result-set mapping
 * from the statement's metadata on every execution, which cost as much in the JVM as the statement took in the
 * database; actrack's reads need none of it (their rows are plain values). In a transaction the session is flushed
 * first, as a native query would be, so the read sees what the transaction wrote.
 */
public final class HibernateJdbc {

    private HibernateJdbc() {}

    public static List<Object[]> rows(EntityManager em, String sql, List<Object> parameters) {
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        if (session.isTransactionInProgress()) {
            em.flush();
        }
        return session.doReturningWork(connection -> JdbcRows.read(connection, sql, parameters));
    }

    /** Runs {@code work} on the session's connection (driver failures come back as Hibernate's JDBC exceptions). */
    public static void doWork(EntityManager em, ProviderHooks.ConnectionWork work) {
        em.unwrap(SharedSessionContractImplementor.class).doWork(work::run);
    }
}
