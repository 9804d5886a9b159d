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
 * Qualifies an {@link ActionStream} bean with the name it is read by:
 *
 * <pre>{@code
 * @ApplicationScoped @StreamName("mystream")
 * public class MyStream implements ActionStream { … }
 * }</pre>
 *
 * An invalid name, or two stream beans with one name, is a deployment error.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface StreamName {

    /**
     * The stream's name: it appears in URLs ({@code ?stream=mystream}), so it is
     * {@value ActionStream#NAME_SYNTAX} ({@link ActionStream#isValidName}).
     *
     * @return the name
     */
    String value();

    /** An instance of {@link StreamName}, for {@code Instance.select(StreamName.Literal.of("mystream"))}. */
    final class Literal extends AnnotationLiteral<StreamName> implements StreamName {

        private static final long serialVersionUID = 1L;

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for {@code name}.
         *
         * @param name the stream's name
         * @return the qualifier for {@code name}
         */
        public static Literal of(String name) {
            return new Literal(Objects.requireNonNull(name, "name"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
