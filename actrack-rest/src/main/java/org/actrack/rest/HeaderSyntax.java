/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The syntax of the request headers actrack-rest reads, checked before the JAX-RS runtime parses them: a runtime
 * refuses a malformed one with an answer of its own (an HTML page, an empty body, an error in the server's log)
 * instead of a problem document.
 */
final class HeaderSyntax {

    /** A language range of RFC 4647 with an optional weight: {@code en}, {@code en-GB;q=0.8}, {@code *}. */
    private static final Pattern LANGUAGE_RANGE =
            Pattern.compile("(\\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\\s*;\\s*q\\s*=\\s*[01](\\.[0-9]{0,3})?)?");

    /** The most language ranges read; a longer list is refused (nobody prefers a hundred languages). */
    private static final int MAX_LANGUAGES = 50;

    /** The longest language range read (a BCP 47 tag of every subtag type is under 50 characters). */
    private static final int MAX_LANGUAGE_LENGTH = 100;

    private HeaderSyntax() {}

    /** What is wrong with the {@code Accept} headers; empty when they are well-formed. */
    static Optional<String> accept(List<String> values) {
        boolean any = false;
        for (String header : values) {
            for (String range : header.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                any = true;
                if (!isMediaRange(range.strip())) {
                    return Optional.of("'" + RequestParameters.shortened(range.strip()) + "' is no media range");
                }
            }
        }
        return values.isEmpty() || any ? Optional.empty() : Optional.of("it lists no media range");
    }

    /** What is wrong with the {@code Content-Type} header; empty when it is absent or well-formed. */
    static Optional<String> contentType(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            MediaType type = MediaType.valueOf(value.strip());
            return type.getType().isEmpty()
                            || type.getSubtype().isEmpty()
                            || type.isWildcardType()
                            || type.isWildcardSubtype()
                    ? Optional.of("'" + RequestParameters.shortened(value) + "' is no media type")
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.of("'" + RequestParameters.shortened(value) + "' is no media type");
        }
    }

    /** What is wrong with the {@code Accept-Language} headers; empty when they are well-formed. */
    static Optional<String> acceptLanguage(List<String> values) {
        int ranges = 0;
        for (String header : values) {
            for (String range : header.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                if (++ranges > MAX_LANGUAGES) {
                    return Optional.of("it lists more than " + MAX_LANGUAGES + " languages");
                }
                if (range.strip().length() > MAX_LANGUAGE_LENGTH
                        || !LANGUAGE_RANGE.matcher(range.strip()).matches()) {
                    return Optional.of("'" + RequestParameters.shortened(range.strip()) + "' is no language range");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isMediaRange(String range) {
        try {
            MediaType type = MediaType.valueOf(range);
            if (type.getType().isEmpty() || type.getSubtype().isEmpty()) {
                return false;
            }
            String q = type.getParameters().get("q");
            if (q != null) {
                float weight = Float.parseFloat(q);
                return weight >= 0 && weight <= 1;
            }
            return true;
        } catch (IllegalArgumentException malformed) {
            // NumberFormatException too.
            return false;
        }
    }
}
