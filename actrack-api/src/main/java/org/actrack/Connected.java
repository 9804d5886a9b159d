/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a JPA entity whose history actrack keeps: django-actrack's {@code connect}. Any entity can be an
 * actor, target, related or tracked object; connecting it also says what happens to that history when
 * the entity is removed.
 *
 * <p>Connected entities are found when the application deploys, both by the CDI extension and through
 * the JPA metamodel (so entities in ordinary {@code annotated} bean archives are found too). It is a
 * deployment error, naming the class, to put {@code @Connected} on a class that is not an {@code @Entity}
 * or on an entity with a composite id ({@code @IdClass}, {@code @EmbeddedId} or several {@code @Id}s).
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface Connected {

    /**
     * Whether removing the entity keeps the actions and trackers that refer to it, pointing them at a
     * deleted item that keeps its description ({@code true}, the default), or deletes them.
     *
     * @return whether removing the entity keeps the actions and trackers that refer to it, pointing them at a deleted item that keeps its description ({@code true}, the default), or deletes them
     */
    boolean useDeletedItems() default true;

    /**
     * Whether a deleted item of this entity keeps the serialization the entity gives
     * ({@link DeletedItem.Describable#deletedItemSerialization()}); by default it does not, and keeps only
     * {@code {"id": …}}, which the deleted item's entity id says already.
     *
     * <p>A serialization outlives the entity in every action that referred to it, for as long as those actions are
     * kept: for an entity that describes a person (a user, a customer, a patient), what it holds is personal data
     * that removing the entity does not remove. Opt in for entities whose history needs more than their description
     * (an invoice's number and amount); {@link PersonalData#erase} removes a person's serialization in any case.
     * The description ({@link DeletedItem.Describable#deletedItemDescription()}, else {@code toString()}) is always
     * kept: make it say no more than the history needs.
     *
     * @return whether a deleted item of this entity keeps the entity's own serialization
     */
    boolean keepSerialization() default false;
}
