/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.Objects;

/**
 * How actrack points at an entity: the JPA entity name and the id as text (for example
 * {@code Train} and {@code "12"}). A reference with no id stands for the whole entity type, as
 * whole-type trackers use it.
 *
 * <p>References are what actrack stores; {@link Action} and {@link Tracker} also carry the entities
 * they resolve to.
 *
 * @param type the JPA entity name ({@code @Entity(name)}, by default the simple class name)
 * @param id the entity id as text, or {@code null} for the whole type
 */
public record ObjectRef(String type, String id) {

    /** Separates the type from the id in {@link #key()}; JPA entity names cannot contain it. */
    public static final char KEY_SEPARATOR = '#';

    /**
     * Checks that the type is given.
     *
     * @param type the JPA entity name ({@code @Entity(name)}, by default the simple class name)
     * @param id the entity id as text, or {@code null} for the whole type
     */
    public ObjectRef {
        Objects.requireNonNull(type, "type");
    }

    /**
     * A reference to one entity.
     *
     * @param type the entity class
     * @param id the id
     * @return the reference
     */
    public static ObjectRef of(String type, String id) {
        return new ObjectRef(type, Objects.requireNonNull(id, "id"));
    }

    /**
     * A reference to every entity of a type.
     *
     * @param type the entity class
     * @return the reference
     */
    public static ObjectRef wholeType(String type) {
        return new ObjectRef(type, null);
    }

    /**
     * Whether this stands for a whole entity type rather than one entity.
     *
     * @return whether this stands for a whole entity type rather than one entity
     */
    public boolean isWholeType() {
        return id == null;
    }

    /**
     * The single-column form used in indexes: {@code type#id}, or {@code type} for a whole type.
     *
     * @return the single-column form used in indexes: {@code type#id}, or {@code type} for a whole type
     */
    public String key() {
        return id == null ? type : type + KEY_SEPARATOR + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
