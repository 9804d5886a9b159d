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
}
