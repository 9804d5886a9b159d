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
 * Qualifies an {@link ActionHandler} bean with the verb it handles:
 *
 * <pre>{@code
 * @ApplicationScoped @Verb("arrived")
 * public class ArrivalHandler implements ActionHandler { … }
 * }</pre>
 *
 * A blank verb, or two handler beans for the same verb, is a deployment error.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface Verb {

    /**
     * The verb handled.
     *
     * @return the verb handled
     */
    String value();

    /** An instance of {@link Verb}, for {@code Instance.select(Verb.Literal.of("arrived"))}. */
    final class Literal extends AnnotationLiteral<Verb> implements Verb {

        private static final long serialVersionUID = 1L;

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for {@code verb}.
         *
         * @param verb the verb
         * @return the qualifier for {@code verb}
         */
        public static Literal of(String verb) {
            return new Literal(Objects.requireNonNull(verb, "verb"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
