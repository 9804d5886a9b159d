/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * What a server injects for {@code @PersistenceContext}: an entity manager that, inside a JTA
 * transaction, is the one entity manager of that transaction (joined to it, closed after it), and outside
 * one reads with a non-transactional entity manager. Test-only stand-in for the container.
 */
public final class TransactionScopedEntityManager implements InvocationHandler {

    private static final Set<String> QUERY_STARTS =
            Set.of("find", "createQuery", "createNamedQuery", "createNativeQuery", "getReference");

    private final EntityManagerFactory factory;
    private final TransactionSynchronizationRegistry registry;
    /** Outside a transaction, one entity manager per thread, as entity managers are not shared between threads. */
    private final ThreadLocal<EntityManager> outsideTransactions = new ThreadLocal<>();

    private TransactionScopedEntityManager(EntityManagerFactory factory, TransactionSynchronizationRegistry registry) {
        this.factory = factory;
        this.registry = registry;
    }

    public static EntityManager create(EntityManagerFactory factory, TransactionSynchronizationRegistry registry) {
        return (EntityManager) Proxy.newProxyInstance(
                TransactionScopedEntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class},
                new TransactionScopedEntityManager(factory, registry));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "close" -> throw new IllegalStateException("A container-managed entity manager cannot be closed");
            case "getTransaction" ->
                throw new IllegalStateException("A JTA entity manager has no resource-local transaction");
            case "toString" -> {
                return "TransactionScopedEntityManager";
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> {}
        }
        EntityManager target = current(method);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private EntityManager current(Method method) {
        if (registry.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            EntityManager em = (EntityManager) registry.getResource(this);
            if (em == null) {
                EntityManager created = factory.createEntityManager();
                created.joinTransaction();
                registry.putResource(this, created);
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        created.close();
                    }
                });
                em = created;
            }
            return em;
        }
        EntityManager outside = outsideTransactions.get();
        if (outside == null) {
            outside = factory.createEntityManager();
            outsideTransactions.set(outside);
        }
        if (QUERY_STARTS.contains(method.getName())) {
            // Like a container's, reads outside a transaction see what is committed, not an older context.
            outside.clear();
        }
        return outside;
    }
}
