/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;
import org.actrack.engine.EntityIds;
import org.actrack.engine.model.DeletedItemEntity;
import org.actrack.engine.sql.ProviderHooks;

/**
 * Loads the entities behind references: one query per entity type (in chunks of {@value #CHUNK} ids),
 * never one per reference. Whole-type references resolve to the entity class; references to entities
 * that no longer exist, or to entity names the unit no longer knows, resolve to nothing.
 */
public final class ReferenceResolver {

    private static final int CHUNK = 500;

    /*
     * The entities are read past the provider's shared cache (the standard JPA hints; Hibernate's second-level
     * cache, EclipseLink's shared cache). EclipseLink 4.0 (Payara 6) clones an entity from its shared cache by
     * read-locking it and every entity it reaches through EAGER relationships (WriteLockManager.acquireLocksForClone);
     * under concurrent reads a cache key can stay locked with no thread holding it (eclipse-ee4j/eclipselink#2609,
     * #2796), and every later clone of that entity waits forever. Sixteen concurrent readers of the demo's trains
     * (EAGER stations) were enough, with or without actrack. Bypassing the shared cache, actrack's reads never take
     * those locks: they build the entities from the rows they read anyway (the query runs either way). The reads
     * themselves are the provider seam's (ProviderHooks.entitiesByIds).
     */
    private final Function<DeletedItemEntity, DeletedItem> deletedItems;
    private final ProviderHooks provider;
    /** The entity types by name of the metamodel asked last: looking them up was a tenth of a page's time. */
    private volatile EntityTypes types;

    /** A metamodel's entity types by entity name, with their id attribute ({@code null} where there is none). */
    private record EntityTypes(Metamodel metamodel, Map<String, Entity> byName) {

        static EntityTypes of(Metamodel metamodel) {
            Map<String, Entity> byName = new HashMap<>();
            for (EntityType<?> type : metamodel.getEntities()) {
                SingularAttribute<?, ?> id = type.getSingularAttributes().stream()
                        .filter(SingularAttribute::isId)
                        .findFirst()
                        .orElse(null);
                byName.put(type.getName(), new Entity(type, id));
            }
            return new EntityTypes(metamodel, Map.copyOf(byName));
        }
    }

    private record Entity(EntityType<?> type, SingularAttribute<?, ?> id) {}

    /**
     * @param deletedItems how deleted items are shown: as {@link DeletedItem} values, never as internal entities
     * @param provider how the provider reads entities by id
     */
    public ReferenceResolver(Function<DeletedItemEntity, DeletedItem> deletedItems, ProviderHooks provider) {
        this.deletedItems = deletedItems;
        this.provider = provider;
    }

    public Map<ObjectRef, Object> resolve(EntityManager em, Collection<ObjectRef> refs) {
        Map<String, Set<ObjectRef>> byType = new LinkedHashMap<>();
        Map<ObjectRef, Object> resolved = new HashMap<>();
        for (ObjectRef ref : refs) {
            if (ref != null) {
                byType.computeIfAbsent(ref.type(), type -> new LinkedHashSet<>())
                        .add(ref);
            }
        }
        Map<String, Entity> entities = entityTypes(em).byName();
        byType.forEach((typeName, typeRefs) -> {
            Entity entity = entities.get(typeName);
            if (entity != null) {
                resolveType(em, entity.type(), entity.id(), typeRefs, resolved);
            }
        });
        return resolved;
    }

    private void resolveType(
            EntityManager em,
            EntityType<?> type,
            SingularAttribute<?, ?> idAttribute,
            Set<ObjectRef> refs,
            Map<ObjectRef, Object> into) {
        List<Object> ids = new ArrayList<>();
        for (ObjectRef ref : refs) {
            if (ref.isWholeType()) {
                into.put(ref, type.getJavaType());
            } else if (idAttribute != null) {
                ids.add(EntityIds.fromText(idAttribute.getJavaType(), ref.id()));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        PersistenceUnitUtil util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (Object entity : provider.entitiesByIds(em, type, idAttribute.getName(), chunk)) {
                Object shown = entity instanceof DeletedItemEntity item ? deletedItems.apply(item) : entity;
                into.put(ObjectRef.of(type.getName(), EntityIds.toText(util.getIdentifier(entity))), shown);
            }
        }
    }

    private EntityTypes entityTypes(EntityManager em) {
        Metamodel metamodel = em.getMetamodel();
        EntityTypes known = types;
        if (known == null || known.metamodel() != metamodel) {
            known = EntityTypes.of(metamodel);
            types = known;
        }
        return known;
    }
}
