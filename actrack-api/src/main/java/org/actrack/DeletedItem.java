/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an action or tracker shows in place of an entity that was removed: the entity's type and id, a
 * description and a JSON serialization kept at removal. Its string form is the description, so rendered
 * actions still read "alice created Project 7".
 *
 * <p>The description comes from the entity's {@link Describable#deletedItemDescription()}, else its
 * {@code toString()}; the serialization from {@link Describable#deletedItemSerialization()} when the entity's
 * {@link Connected#keepSerialization()} opts in, else {@code {"id": …}}.
 *
 * @param id the deleted item's own id
 * @param entityType the removed entity's JPA entity name
 * @param entityId the removed entity's id, as text
 * @param description the description kept
 * @param serialization the serialization kept, as JSON-B reads it back
 * @param deletedAt when the entity was removed
 */
public record DeletedItem(
        long id,
        String entityType,
        String entityId,
        String description,
        Map<String, Object> serialization,
        Instant deletedAt) {

    /**
     * Checks that the entity type and description are given and copies the serialization.
     *
     * @param id the deleted item's own id
     * @param entityType the removed entity's JPA entity name
     * @param entityId the removed entity's id, as text
     * @param description the description kept
     * @param serialization the serialization kept, as JSON-B reads it back
     * @param deletedAt when the entity was removed
     */
    public DeletedItem {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(description, "description");
        serialization = Collections.unmodifiableMap(new LinkedHashMap<>(serialization));
    }

    /** The description. */
    @Override
    public String toString() {
        return description;
    }

    /**
     * Implemented by {@link Connected} entities that choose what their deleted item keeps (django-actrack's
     * {@code deleted_item_description} and {@code deleted_item_serialization}).
     */
    public interface Describable {

        /**
         * The description kept when the entity is removed; at most 255 characters are kept.
         *
         * @return the description kept when the entity is removed; at most 255 characters are kept
         */
        String deletedItemDescription();

        /**
         * The serialization kept when the entity is removed, if its {@link Connected#keepSerialization()} says so;
         * values must be writable by JSON-B.
         *
         * @return the serialization kept when the entity is removed; values must be writable by JSON-B
         */
        Map<String, Object> deletedItemSerialization();
    }
}
