/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Type;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.actrack.ActrackSettings;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;
import org.actrack.engine.model.ActionReferenceEntity;
import org.actrack.engine.model.DeletedItemEntity;

/**
 * Turns entities and entity classes into {@link ObjectRef}s, validating them on the way: this is where
 * a non-entity, an unsaved entity, a composite id or an id that is too long is refused, before anything
 * is written.
 */
public final class EntityReferences {

    private static final int DESCRIPTION_LENGTH = 80;

    private final int idMaxLength;
    /** The entity type of each class met, per persistence unit: its metamodel is searched once per class. */
    private final Map<EntityManagerFactory, Map<Class<?>, Optional<EntityType<?>>>> entityTypes =
            new ConcurrentHashMap<>();

    public EntityReferences(ActrackSettings settings) {
        this.idMaxLength = settings.idMaxLength();
    }

    /** The reference of one entity playing {@code role} (named in errors: "actor", "target"…). */
    public ObjectRef of(EntityManager em, Object object, String role) {
        if (object == null) {
            throw Problem.NULL_OBJECT.exception(role);
        }
        if (object instanceof DeletedItem item) {
            return ObjectRef.of(DeletedItemEntity.ENTITY_NAME, Long.toString(item.id()));
        }
        EntityType<?> type = entityTypeOf(em, object.getClass())
                .orElseThrow(() -> Problem.NOT_AN_ENTITY.exception(
                        role, describe(object), object.getClass().getName()));
        requireSingleSupportedId(type, role, object);
        Object id = idOf(em, object);
        if (id == null) {
            throw Problem.NO_ID.exception(role, describe(object));
        }
        String text = EntityIds.toText(id);
        if (text.length() > idMaxLength) {
            throw Problem.ID_TOO_LONG.exception(role, describe(object), text.length(), idMaxLength);
        }
        return checkedLength(ObjectRef.of(type.getName(), text));
    }

    /**
     * Refuses an entity that is not stored: removed (in this persistence context or by a committed
     * transaction) or never written. One lookup by primary key, answered by the persistence context when
     * the entity is managed there; for calls off the hot path (tracking), not for logging.
     */
    public void requireStored(EntityManager em, Object object, ObjectRef ref, String role) {
        if (object instanceof DeletedItem) {
            return;
        }
        Class<?> type = entityTypeOf(em, object.getClass()).orElseThrow().getJavaType();
        if (em.find(type, idOf(em, object)) == null) {
            throw Problem.NOT_STORED.exception(role, describe(object), ref.key());
        }
    }

    /** {@code ref}, once its id and key are known to fit; {@code subject} is named in the error. */
    public ObjectRef checked(ObjectRef ref, String role, Object subject) {
        if (ref.id() != null && ref.id().length() > idMaxLength) {
            throw Problem.ID_TOO_LONG.exception(
                    role, describe(subject), ref.id().length(), idMaxLength);
        }
        return checkedLength(ref);
    }

    /**
     * The id of an entity. An entity persisted in this unit of work but not yet written has no id when
     * the database generates it on insert (IDENTITY, or SEQUENCE on databases without sequences, such as
     * MariaDB with EclipseLink): flushing writes it, in the caller's transaction, so that it can be
     * referred to.
     */
    public static Object idOf(EntityManager em, Object object) {
        Object id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(object);
        if (id == null && em.contains(object)) {
            em.flush();
            id = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(object);
        }
        return id;
    }

    /** The whole-type reference of an entity class. */
    public ObjectRef ofType(EntityManager em, Class<?> entityClass, String role) {
        EntityType<?> type = exactEntityType(em, entityClass)
                .orElseThrow(() -> Problem.NOT_AN_ENTITY_CLASS.exception(entityClass.getName()));
        requireSingleSupportedId(type, role, entityClass.getName());
        return checkedLength(ObjectRef.wholeType(type.getName()));
    }

    /** The entity name of an entity class, for filters by type. */
    public String entityName(EntityManager em, Class<?> entityClass) {
        return ofType(em, entityClass, "entity type").type();
    }

    public static String describe(Object object) {
        String text;
        try {
            text = String.valueOf(object);
        } catch (RuntimeException e) {
            text = object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
        }
        return "'" + (text.length() > DESCRIPTION_LENGTH ? text.substring(0, DESCRIPTION_LENGTH) + "…" : text) + "'";
    }

    private static ObjectRef checkedLength(ObjectRef ref) {
        if (ref.key().length() > ActionReferenceEntity.KEY_LENGTH) {
            throw Problem.REFERENCE_TOO_LONG.exception(ref.key(), ref.key().length(), ActionReferenceEntity.KEY_LENGTH);
        }
        return ref;
    }

    private static void requireSingleSupportedId(EntityType<?> type, String role, Object subject) {
        Type<?> idType = type.hasSingleIdAttribute() ? type.getIdType() : null;
        if (idType == null || idType.getPersistenceType() != Type.PersistenceType.BASIC) {
            throw Problem.COMPOSITE_ID.exception(
                    role,
                    describe(subject),
                    idType == null
                            ? "several @Id attributes or an @IdClass"
                            : "@EmbeddedId " + idType.getJavaType().getName());
        }
        if (!EntityIds.isSupported(idType.getJavaType())) {
            throw Problem.UNSUPPORTED_ID_TYPE.exception(
                    role, describe(subject), idType.getJavaType().getName());
        }
    }

    // Walks up the class hierarchy so that provider proxies (subclasses of the entity) are recognised.
    private Optional<EntityType<?>> entityTypeOf(EntityManager em, Class<?> objectClass) {
        return entityTypes
                .computeIfAbsent(em.getEntityManagerFactory(), factory -> new ConcurrentHashMap<>())
                .computeIfAbsent(objectClass, c -> findEntityTypeOf(em, c));
    }

    private static Optional<EntityType<?>> findEntityTypeOf(EntityManager em, Class<?> objectClass) {
        for (Class<?> c = objectClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Optional<EntityType<?>> type = exactEntityType(em, c);
            if (type.isPresent()) {
                return type;
            }
        }
        return Optional.empty();
    }

    private static Optional<EntityType<?>> exactEntityType(EntityManager em, Class<?> entityClass) {
        return em.getMetamodel().getEntities().stream()
                .filter(type -> type.getJavaType() == entityClass)
                .<EntityType<?>>map(type -> type)
                .findFirst();
    }
}
