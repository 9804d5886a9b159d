/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;

/**
 * Logs an action each time a business method of a CDI bean returns normally; nothing is logged when it
 * throws. The action is written in the caller's transaction, so it commits or rolls back with the
 * method's work.
 *
 * <pre>{@code
 * @Actionable("departed")
 * public void depart(@Actionable.Actor Driver driver, @Actionable.Target Train train,
 *                    @Actionable.Related Station from, @Actionable.Data("platform") int platform) { … }
 *
 * @Actionable(value = "created", returnValueIsTarget = true)
 * public Train create(@Actionable.Actor Driver driver, String name) { … }
 * }</pre>
 *
 * <p>Parameters marked {@link Target} or {@link Related} may be entities, or collections or arrays of
 * them. The actor is the {@link Actor} parameter; a method without one takes the actor from the
 * application's {@link org.actrack.spi.CurrentActor} bean. On a class, the annotation applies to every
 * business method, inherited ones included; two beans inheriting one method from a common superclass each
 * log the verb of their own class.
 *
 * <p>A {@code null} {@link Target} or {@link Related} argument (or a {@code null} return value with
 * {@link #returnValueIsTarget()}) adds no object: such parameters are optional, as an optional "from
 * station" is. A {@code null} element inside a collection or array is an error (ACTRACK-108), as with
 * {@link Options#targets(Object...)}. A {@code null} {@link Actor} argument logs an action without an
 * actor, as {@code log(null, verb, …)} does.
 *
 * <p>Deployment errors, naming the method: a blank verb, an unknown level, more than one {@link Actor}
 * parameter, a {@link Data} parameter with a blank key, or no {@link Actor} parameter and no
 * {@link org.actrack.spi.CurrentActor} bean.
 */
@InterceptorBinding
@Documented
@Retention(RUNTIME)
@java.lang.annotation.Target({TYPE, METHOD})
public @interface Actionable {

    /**
     * The verb logged.
     *
     * @return the verb logged
     */
    @Nonbinding
    String value();

    /**
     * The level's name; empty for the handler's or the default level.
     *
     * @return the level's name; empty for the handler's or the default level
     */
    @Nonbinding
    String level() default "";

    /**
     * Whether the method's return value (an entity, or a collection or array of them) is a target too.
     *
     * @return whether the method's return value (an entity, or a collection or array of them) is a target too
     */
    @Nonbinding
    boolean returnValueIsTarget() default false;

    /** The parameter that is the actor. */
    @Documented
    @Retention(RUNTIME)
    @java.lang.annotation.Target(PARAMETER)
    @interface Actor {}

    /** A parameter whose entities are targets. */
    @Documented
    @Retention(RUNTIME)
    @java.lang.annotation.Target(PARAMETER)
    @interface Target {}

    /** A parameter whose entities are related objects. */
    @Documented
    @Retention(RUNTIME)
    @java.lang.annotation.Target(PARAMETER)
    @interface Related {}

    /** A parameter stored in the action's data under the given key; its value must be writable by JSON-B. */
    @Documented
    @Retention(RUNTIME)
    @java.lang.annotation.Target(PARAMETER)
    @interface Data {
        /**
         * The data key.
         *
         * @return the data key
         */
        String value();
    }

    /** The binding as a literal, for registering the interceptor. */
    final class Literal extends AnnotationLiteral<Actionable> implements Actionable {

        private static final long serialVersionUID = 1L;

        /** The literal; its members are non-binding, so one instance serves every verb. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {}

        @Override
        public String value() {
            return "";
        }

        @Override
        public String level() {
            return "";
        }

        @Override
        public boolean returnValueIsTarget() {
            return false;
        }
    }
}
