/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.EntityType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one seam for what a JPA provider needs beyond the standard, prepared once per persistence unit the first time
 * actrack uses it (actrack-cdi does it when the application starts).
 *
 * <ul>
 * <li>EclipseLink 4.0 calls no {@code @PreRemove} listener for an entity it removes through an {@code orphanRemoval}
 * mapping (taken out of its collection, or with its removed parent), although Jakarta Persistence 3.1 §3.2.4 says a
 * removal does; {@link EclipseLinkOrphanRemovals} hands those entities to {@link org.actrack.engine.history.RemovalListener} as Hibernate ORM's
 * own callbacks do.</li>
 * <li>Reading the entities behind a page's references ({@link #entitiesByIds}): a JPQL {@code IN} query with the
 * standard cache hints, and on Hibernate ORM its multi-load, with its SQL kept per entity type
 * ({@link HibernateEntityLoading}).</li>
 * <li>Whether the unit numbers an entity's rows on insert ({@link #numbersOnInsert}: EclipseLink's
 * {@code MySQLPlatform} makes {@code SEQUENCE} generators {@code AUTO_INCREMENT}), when actrack must not take ids from
 * the sequences itself ({@link EclipseLinkIdGeneration}, {@link HibernateIdGeneration}).</li>
 * <li>actrack's native reads ({@link #nativeRows}): a JPA native query, and plain JDBC on the session's connection on
 * Hibernate ({@link HibernateJdbc}).</li>
 * <li>On EclipseLink, actrack's native reads outside a transaction borrow a connection from the unit's data source
 * ({@link EclipseLinkDataSource}).</li>
 * <li>Whether the persistence context removed an entity ({@link #removedIn}), which the standard cannot tell from a
 * detached one ({@link EclipseLinkRemovals}, {@link HibernateRemovals}).</li>
 * <li>The JDBC connection of the caller's transaction ({@link #withConnection}), for statements actrack batches:
 * EclipseLink lends it through {@code unwrap(Connection.class)} in a transaction, Hibernate ORM through
 * {@code Session.doWork}.</li>
 * </ul>
 * A provider's classes are loaded only when the persistence unit is that provider's, so an application on another
 * provider needs none of them.
 */
public final class ProviderHooks {

    private static final System.Logger LOGGER = System.getLogger(ProviderHooks.class.getName());
    private static final String ECLIPSELINK_SESSION = "org.eclipse.persistence.sessions.Session";
    private static final String HIBERNATE_SESSION_FACTORY = "org.hibernate.SessionFactory";
    private static final String RETRIEVE_MODE = "jakarta.persistence.cache.retrieveMode";
    private static final String STORE_MODE = "jakarta.persistence.cache.storeMode";

    /** Which provider's seams a persistence unit uses. */
    private enum Provider {
        ECLIPSELINK,
        HIBERNATE,
        OTHER
    }

    /**
     * What is known of a persistence unit: its provider; on EclipseLink the data source actrack's reads outside a
     * transaction borrow a connection from ({@code null} when there is none); on Hibernate ORM how it reads entities by
     * id (which keeps SQL per entity type, so it lives as long as the unit).
     */
    private record Unit(
            Provider provider,
            javax.sql.DataSource reads,
            HibernateEntityLoading hibernateLoading,
            Map<Class<?>, Boolean> numberedOnInsert) {}

    /**
     * The persistence units prepared, weakly: a redeployed application's factory is not kept. A Hibernate ORM unit's
     * entry refers to its own factory (the kept SQL of {@link HibernateEntityLoading} belongs to its entity
     * persisters), which a weak key alone would never let go: closed factories are dropped whenever another is
     * prepared.
     */
    private final Map<EntityManagerFactory, Unit> prepared = Collections.synchronizedMap(new WeakHashMap<>());
    /** The factory prepared last: most applications have one, and every call of actrack asks. */
    private volatile Prepared last;

    private record Prepared(EntityManagerFactory factory, Unit unit) {}

    /** Prepares {@code factory}'s persistence unit once; later calls cost a comparison. */
    public void prepare(EntityManagerFactory factory) {
        unit(factory);
    }

    /**
     * The entities of {@code type} with these ids that exist, in no particular order, read past the provider's shared
     * cache (see {@code ReferenceResolver} for why) and managed by {@code em}.
     *
     * @param idAttribute the name of the entity's id attribute, from the metamodel
     */
    public List<?> entitiesByIds(EntityManager em, EntityType<?> type, String idAttribute, List<Object> ids) {
        Unit unit = unit(em.getEntityManagerFactory());
        if (unit.provider() == Provider.HIBERNATE) {
            return unit.hibernateLoading().byIds(em, type.getJavaType(), ids);
        }
        // The entity and attribute names come from the metamodel, never from input.
        return em.createQuery(
                        "SELECT e FROM " + type.getName() + " e WHERE e." + idAttribute + " IN :ids",
                        type.getJavaType())
                .setParameter("ids", ids)
                .setHint(RETRIEVE_MODE, CacheRetrieveMode.BYPASS)
                .setHint(STORE_MODE, CacheStoreMode.BYPASS)
                .getResultList();
    }

    /**
     * Whether {@code factory}'s persistence unit gives {@code entity} its id only when the row is inserted (an identity
     * column, such as EclipseLink's {@code MySQLPlatform} makes of a {@code SEQUENCE} generator), so no id can be taken
     * before: actrack then lets the provider write its rows. Asked once per unit and entity; {@code false} on another
     * provider and when the provider cannot tell.
     */
    public boolean numbersOnInsert(EntityManagerFactory factory, Class<?> entity) {
        Unit unit = unit(factory);
        return unit.numberedOnInsert().computeIfAbsent(entity, type -> {
            try {
                return switch (unit.provider()) {
                    case ECLIPSELINK ->
                        EclipseLinkIdGeneration.numbersOnInsert(
                                unwrap(factory, ProviderClasses.ECLIPSELINK_SESSION), type);
                    case HIBERNATE ->
                        HibernateIdGeneration.numbersOnInsert(
                                unwrap(factory, ProviderClasses.HIBERNATE_SESSION_FACTORY), type);
                    case OTHER -> false;
                };
            } catch (LinkageError | RuntimeException cannotTell) {
                LOGGER.log(
                        System.Logger.Level.DEBUG,
                        "actrack cannot tell whether {0} is numbered on insert; it takes ids from the sequences",
                        type.getName());
                return false;
            }
        });
    }

    /**
     * The rows of one of actrack's native reads, each column as the driver returns it.
     *
     * @param parameters bound in order; {@code Long[]} and {@code String[]} as SQL arrays
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> nativeRows(EntityManager em, String sql, List<Object> parameters) {
        Unit unit = unit(em.getEntityManagerFactory());
        if (unit.provider() == Provider.HIBERNATE) {
            return HibernateJdbc.rows(em, sql, parameters);
        }
        // Outside a transaction nothing of the caller's is unwritten or uncommitted: any connection sees what the
        // query must see. isJoinedToTransaction is asked because it throws on no entity manager (true for a begun
        // resource-local transaction, as UnreadTest checks).
        if (unit.reads() != null && !em.isJoinedToTransaction()) {
            try (java.sql.Connection connection = unit.reads().getConnection()) {
                return JdbcRows.read(connection, sql, parameters);
            } catch (java.sql.SQLException failure) {
                throw new PersistenceException(failure.getMessage(), failure);
            }
        }
        jakarta.persistence.Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<?> rows = query.getResultList();
        // A JPA native query returns a single column's values as they are, not as one-element rows.
        return rows.isEmpty() || rows.get(0) instanceof Object[]
                ? (List<Object[]>) rows
                : rows.stream().map(value -> new Object[] {value}).toList();
    }

    /**
     * Whether {@code em}'s persistence context removed {@code entity} (and has not committed since): {@code contains}
     * is false for it as for a detached entity. Asked only of entities the context does not contain, so a managed one
     * costs nothing; on another provider the answer is {@code false}.
     */
    public boolean removedIn(EntityManager em, Object entity) {
        if (em.contains(entity)) {
            return false;
        }
        try {
            return switch (provider(em.getEntityManagerFactory())) {
                case ECLIPSELINK -> EclipseLinkRemovals.removed(em, entity);
                case HIBERNATE -> HibernateRemovals.removed(em, entity);
                case OTHER -> false;
            };
        } catch (PersistenceException | IllegalStateException notInAUnitOfWork) {
            return false;
        }
    }

    /** Work on a JDBC connection. */
    public interface ConnectionWork {
        void run(java.sql.Connection connection) throws java.sql.SQLException;
    }

    /**
     * Runs {@code work} on the connection of {@code em}'s transaction, which must be active; a failure of the driver
     * becomes a {@link PersistenceException} whose cause it is (as a provider's query would report it).
     *
     * @return whether the provider lent a connection (when not, nothing ran: do the work with JPA queries)
     */
    public boolean withConnection(EntityManager em, ConnectionWork work) {
        Provider provider = provider(em.getEntityManagerFactory());
        if (provider == Provider.HIBERNATE) {
            HibernateJdbc.doWork(em, work);
            return true;
        }
        if (provider != Provider.ECLIPSELINK) {
            return false;
        }
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        if (connection == null) {
            return false;
        }
        try {
            work.run(connection);
        } catch (java.sql.SQLException failure) {
            throw new PersistenceException(failure.getMessage(), failure);
        }
        return true;
    }

    /**
     * Executes statements that write (see {@link JdbcBatch}): as JDBC batches on the connection of {@code em}'s
     * transaction where the provider lends it ({@link #withConnection}), else as one JPA native query each, which never
     * flushes the persistence context.
     *
     * @return the rows they changed, as the driver reports them
     */
    public long executeAll(EntityManager em, JdbcBatch batch, List<JdbcBatch.Statement> statements) {
        if (statements.isEmpty()) {
            return 0;
        }
        long[] changed = new long[1];
        if (withConnection(em, connection -> changed[0] = batch.execute(connection, statements))) {
            return changed[0];
        }
        for (JdbcBatch.Statement statement : statements) {
            jakarta.persistence.Query query =
                    em.createNativeQuery(statement.sql()).setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
            for (int i = 0; i < statement.parameters().size(); i++) {
                query.setParameter(i + 1, statement.parameters().get(i));
            }
            changed[0] += query.executeUpdate();
        }
        return changed[0];
    }

    /** How many persistence units are prepared (for tests). */
    int preparedUnits() {
        return prepared.size();
    }

    private Provider provider(EntityManagerFactory factory) {
        return unit(factory).provider();
    }

    private Unit unit(EntityManagerFactory factory) {
        Prepared known = last;
        if (known != null && known.factory() == factory) {
            return known.unit();
        }
        Unit unit = prepared.get(factory);
        if (unit == null) {
            synchronized (prepared) {
                prepared.keySet().removeIf(other -> !other.isOpen());
            }
            unit = prepared.computeIfAbsent(factory, ProviderHooks::prepareOnce);
        }
        last = new Prepared(factory, unit);
        return unit;
    }

    private static Unit prepareOnce(EntityManagerFactory factory) {
        Object eclipseLink = unwrap(factory, ProviderClasses.ECLIPSELINK_SESSION);
        if (eclipseLink != null) {
            observeOrphanRemovals(eclipseLink);
            return new Unit(Provider.ECLIPSELINK, readSource(eclipseLink), null, new ConcurrentHashMap<>());
        }
        return unwrap(factory, ProviderClasses.HIBERNATE_SESSION_FACTORY) != null
                ? new Unit(Provider.HIBERNATE, null, new HibernateEntityLoading(), new ConcurrentHashMap<>())
                : new Unit(Provider.OTHER, null, null, new ConcurrentHashMap<>());
    }

    private static javax.sql.DataSource readSource(Object eclipseLinkSession) {
        try {
            return EclipseLinkDataSource.of(eclipseLinkSession);
        } catch (LinkageError | ClassCastException otherEclipseLink) {
            return null;
        }
    }

    private static Object unwrap(EntityManagerFactory factory, Class<?> providerClass) {
        if (providerClass == null) {
            return null;
        }
        try {
            return factory.unwrap(providerClass);
        } catch (PersistenceException | IllegalStateException | ClassCastException anotherProvider) {
            return null;
        }
    }

    private static void observeOrphanRemovals(Object unwrapped) {
        try {
            EclipseLinkOrphanRemovals.install(unwrapped);
            LOGGER.log(
                    System.Logger.Level.DEBUG,
                    "actrack observes orphan removals of EclipseLink's persistence unit {0}",
                    unwrapped);
        } catch (LinkageError | ClassCastException otherEclipseLink) {
            LOGGER.log(
                    System.Logger.Level.WARNING,
                    "actrack cannot observe the orphan removals of this EclipseLink persistence unit"
                            + " (its classes are not the ones actrack sees): entities removed through orphanRemoval lose their history",
                    otherEclipseLink);
        }
    }

    /**
     * The providers' entry interfaces as the class loader of actrack's seams sees them ({@code null} when it sees none),
     * looked up once: a persistence unit whose provider classes differ from these uses the standard path.
     */
    private static final class ProviderClasses {
        private static final Class<?> ECLIPSELINK_SESSION = find(ProviderHooks.ECLIPSELINK_SESSION);
        private static final Class<?> HIBERNATE_SESSION_FACTORY = find(ProviderHooks.HIBERNATE_SESSION_FACTORY);

        private static Class<?> find(String name) {
            try {
                return Class.forName(name, false, ProviderHooks.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError notHere) {
                return null;
            }
        }
    }
}
