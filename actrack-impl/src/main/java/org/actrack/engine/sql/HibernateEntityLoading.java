/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.CacheMode;
import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.hibernate.MultiIdentifierLoadAccess;
import org.hibernate.engine.internal.BatchFetchQueueHelper;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.loader.ast.internal.LoaderHelper;
import org.hibernate.loader.ast.internal.LoaderSelectBuilder;
import org.hibernate.loader.ast.internal.MultiIdEntityLoaderArrayParam;
import org.hibernate.loader.ast.internal.MultiKeyLoadHelper;
import org.hibernate.loader.ast.spi.MultiIdLoadOptions;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.spi.QueryOptions;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.ast.tree.select.SelectStatement;
import org.hibernate.sql.exec.internal.JdbcParameterImpl;
import org.hibernate.sql.exec.spi.JdbcOperationQuerySelect;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;

/**
 * Reads entities of one type by id on Hibernate ORM (see {@link ProviderHooks}), one per persistence unit: its
 * multi-load, one statement per batch of ids ({@code id = any(?)} with an array where the database has arrays).
 *
 * <p>A JPQL {@code IN :ids} query is translated again on every call on Hibernate 6, because a list parameter's size is
 * part of its SQL; Hibernate 6.6's multi-load by array builds and translates its SQL again on every call too (its
 * single-id loader keeps its SQL, the multi-load does not). Profiled on a page of an object's stream, the two made a
 * quarter of actrack's time in the JVM. So where the database has arrays, the unit's multi-load keeps its translated
 * SQL per entity type ({@link KeptSqlLoader}), as the single-id loader does and under the same condition: no filter,
 * fetch profile or entity graph of the session affects the entity. Everything else about the load stays Hibernate's:
 * the entities the session already holds are returned as they are, removed ones are not, the rows become managed
 * entities. The kept SQL uses classes of Hibernate's {@code internal} packages, so a Hibernate ORM whose classes differ
 * (a {@link LinkageError}) makes the unit fall back to the plain multi-load, once, for good.
 */
final class HibernateEntityLoading {

    private static final System.Logger LOGGER = System.getLogger(HibernateEntityLoading.class.getName());

    /** Per entity type; empty where it has none (a database without arrays, an id of several columns). */
    private final Map<EntityPersister, Optional<KeptSqlLoader<?>>> loaders = new ConcurrentHashMap<>();
    /** False once this Hibernate ORM's internal classes turned out to differ from those the kept SQL uses. */
    private volatile boolean keptSqlWorks = true;

    /**
     * The entities of {@code type} with these ids that exist, in no particular order, past the second-level cache
     * (as the standard {@code BYPASS} hints do on other providers).
     */
    List<?> byIds(EntityManager em, Class<?> type, List<Object> ids) {
        EventSource session = em.unwrap(EventSource.class);
        MultiIdentifierLoadAccess<?> access =
                session.byMultipleIds(type).with(CacheMode.IGNORE).enableOrderedReturn(false);
        List<?> entities = keptSqlWorks ? withKeptSql(session, type, access, ids) : null;
        if (entities == null) {
            entities = access.multiLoad(ids);
        }
        return entities.stream().filter(Objects::nonNull).toList();
    }

    /** The load through the type's kept SQL, or {@code null} when it has none. */
    private List<?> withKeptSql(
            EventSource session, Class<?> type, MultiIdentifierLoadAccess<?> access, List<Object> ids) {
        try {
            EntityPersister persister =
                    session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
            KeptSqlLoader<?> loader = loaders.computeIfAbsent(persister, HibernateEntityLoading::loaderFor)
                    .orElse(null);
            if (loader == null || !(access instanceof MultiIdLoadOptions options)) {
                return null;
            }
            CacheMode sessionMode = session.getCacheMode();
            session.setCacheMode(CacheMode.IGNORE);
            try {
                return loader.load(
                        ids.toArray(LoaderHelper.createTypedArray(ids.get(0).getClass(), ids.size())),
                        options,
                        session);
            } finally {
                session.setCacheMode(sessionMode);
            }
        } catch (LinkageError otherHibernate) {
            keptSqlWorks = false;
            LOGGER.log(
                    System.Logger.Level.INFO,
                    "actrack reads entities by id through Hibernate ORM''s plain multi-load: this Hibernate ORM''s"
                            + " internal loader classes differ from 6.6''s ({0})",
                    otherHibernate.toString());
            return null;
        }
    }

    private static Optional<KeptSqlLoader<?>> loaderFor(EntityPersister persister) {
        SessionFactoryImplementor factory = persister.getFactory();
        if (persister.getIdentifierMapping().getJdbcTypeCount() != 1
                || !MultiKeyLoadHelper.supportsSqlArrayType(
                        factory.getJdbcServices().getDialect())) {
            return Optional.empty();
        }
        return Optional.of(new KeptSqlLoader<>(persister, factory));
    }

    /**
     * Hibernate's multi-load by array whose SQL is built and translated once, for loads no influencer of the session
     * affects; any other load is Hibernate's own.
     */
    private static final class KeptSqlLoader<E> extends MultiIdEntityLoaderArrayParam<E> {

        private final JdbcMapping arrayMapping;
        private final JdbcParameter parameter;
        private volatile Kept kept;

        private record Kept(SelectStatement select, JdbcOperationQuerySelect operation) {}

        KeptSqlLoader(EntityMappingType entity, SessionFactoryImplementor factory) {
            super(entity, factory);
            Class<?> arrayClass = LoaderHelper.createTypedArray(
                            getIdentifierMapping().getJavaType().getJavaTypeClass(), 0)
                    .getClass();
            arrayMapping = MultiKeyLoadHelper.resolveArrayJdbcMapping(
                    factory.getTypeConfiguration().getBasicTypeRegistry().getRegisteredType(arrayClass),
                    getIdentifierMapping().getJdbcMapping(),
                    arrayClass,
                    factory);
            parameter = new JdbcParameterImpl(arrayMapping);
        }

        @Override
        protected <K> List<E> performUnorderedMultiLoad(K[] ids, MultiIdLoadOptions options, EventSource session) {
            LockOptions lock = options.getLockOptions();
            if ((lock != null && lock.getLockMode() != LockMode.NONE)
                    || !getLoadable().isNotAffectedByInfluencers(session.getLoadQueryInfluencers())) {
                return super.performUnorderedMultiLoad(ids, options, session);
            }
            LockOptions none = new LockOptions(LockMode.NONE);
            List<E> result = new ArrayList<>(ids.length);
            K[] unresolved = processResolvableEntities(
                    ids, (index, key, entity) -> result.add(castEntity(entity)), options, none, session);
            if (unresolved == null) {
                return result;
            }
            Kept sql = kept(session);
            result.addAll(LoaderHelper.loadByArrayParameter(
                    unresolved,
                    sql.select(),
                    sql.operation(),
                    parameter,
                    arrayMapping,
                    null,
                    null,
                    null,
                    none,
                    session.isDefaultReadOnly(),
                    session));
            for (K id : unresolved) {
                if (id != null) {
                    BatchFetchQueueHelper.removeBatchLoadableEntityKey(id, getLoadable(), session);
                }
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        private E castEntity(Object entity) {
            return (E) entity;
        }

        private Kept kept(EventSource session) {
            Kept known = kept;
            if (known == null) {
                SelectStatement select = LoaderSelectBuilder.createSelectBySingleArrayParameter(
                        getLoadable(),
                        getIdentifierMapping(),
                        session.getLoadQueryInfluencers(),
                        new LockOptions(LockMode.NONE),
                        parameter,
                        getSessionFactory());
                JdbcOperationQuerySelect operation = getSessionFactory()
                        .getJdbcServices()
                        .getJdbcEnvironment()
                        .getSqlAstTranslatorFactory()
                        .buildSelectTranslator(getSessionFactory(), select)
                        .translate(JdbcParameterBindings.NO_BINDINGS, QueryOptions.NONE);
                known = new Kept(select, operation);
                kept = known;
            }
            return known;
        }
    }
}
