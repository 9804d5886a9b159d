/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Qualifies the {@code EntityManager} actrack writes with, when the application chooses it:
 *
 * <pre>{@code
 * @Produces @ActrackPersistence @PersistenceContext(unitName = "app")
 * EntityManager actrackEntityManager;
 *
 * @Produces @ActrackPersistence("archive") @PersistenceContext(unitName = "archive")
 * EntityManager archiveEntityManager;   // for log(…, using("archive"))
 * }</pre>
 *
 * Without such a producer actrack uses the application's persistence context ({@code @PersistenceContext}
 * with no unit name: the only persistence unit of the application). The unit must contain actrack's
 * entities (add {@code <mapping-file>META-INF/actrack-orm.xml</mapping-file>}) and the application's.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface ActrackPersistence {

    /**
     * The persistence unit's name as used by {@link Options#using}; empty for actrack's default.
     *
     * @return the persistence unit's name as used by {@link Options#using}; empty for actrack's default
     */
    String value() default "";

    /** An instance of the qualifier. */
    final class Literal extends AnnotationLiteral<ActrackPersistence> implements ActrackPersistence {

        private static final long serialVersionUID = 1L;

        /** The default unit's qualifier. */
        public static final Literal DEFAULT = new Literal("");

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier of a named unit, or of the default one for {@code null} or empty.
         *
         * @param unit the persistence unit's name
         * @return the qualifier of a named unit, or of the default one for {@code null} or empty
         */
        public static Literal of(String unit) {
            return unit == null || unit.isEmpty() ? DEFAULT : new Literal(Objects.requireNonNull(unit));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
