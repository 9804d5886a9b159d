/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/**
 * What remains of a removed entity that actions or trackers referred to: its entity name and id, a
 * description and a JSON serialization. References to the entity are re-pointed to the deleted item
 * ({@code ActrackDeletedItem#<id>}), so history survives the removal. Not API: applications see
 * {@link org.actrack.DeletedItem}.
 *
 * <p>{@code actrack_deleted_item_original_ix (entity_type, entity_id)} finds the deleted item of an
 * entity removed earlier in the same transaction, so there is one per removed entity.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = DeletedItemEntity.ENTITY_NAME)
@Table(
        name = "actrack_deleted_item",
        indexes = @Index(name = "actrack_deleted_item_original_ix", columnList = "entity_type, entity_id"))
public class DeletedItemEntity {

    /** The JPA entity name, which is also the type of references to deleted items. */
    public static final String ENTITY_NAME = "ActrackDeletedItem";

    /** The width of the description column. */
    public static final int DESCRIPTION_LENGTH = 255;

    // TABLE, so that the id is known at persist on every database: a deleted item is created while the
    // provider removes an entity, where flushing to learn an IDENTITY id would write the half-done removal.
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "actrack_deleted_item_ids")
    @TableGenerator(
            name = "actrack_deleted_item_ids",
            table = "actrack_id_generator",
            pkColumnName = "name",
            valueColumnName = "next_value",
            pkColumnValue = "deleted_item",
            allocationSize = 20)
    private Long id;

    @Column(name = "entity_type", nullable = false, length = 255)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = 255)
    private String entityId;

    @Column(name = "description", nullable = false, length = DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "serialization", nullable = false, length = ActionEntity.JSON_LENGTH)
    private String serialization;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "deleted_at", nullable = false)
    private Instant deletedAt;

    protected DeletedItemEntity() {}

    public DeletedItemEntity(
            String entityType, String entityId, String description, String serialization, Instant deletedAt) {
        this.entityType = entityType;
        this.entityId = entityId;
        this.description = description;
        this.serialization = serialization;
        this.deletedAt = deletedAt;
    }

    public Long getId() {
        return id;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getDescription() {
        return description;
    }

    public String getSerialization() {
        return serialization;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
