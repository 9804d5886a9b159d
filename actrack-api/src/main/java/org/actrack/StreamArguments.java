/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments a reader gives a {@linkplain ActionStream custom stream}: named values, each read in the form the
 * stream wants. From Java the values are objects (a {@code String}, an {@code Instant}, a {@code Long}, or a
 * collection of them for a repeated argument); over HTTP they are the query parameters' texts. Every reader accepts
 * both, so one stream serves both:
 *
 * <pre>{@code
 * String verb = arguments.text("verb", "posted");            // ?verb=commented, or Map.of("verb", "commented")
 * Instant time = arguments.instant("time", clock.instant()); // ?time=2026-12-07T10:00:00Z, or an Instant
 * }</pre>
 *
 * A value of the wrong form is the reader's mistake: the readers throw an {@link ActrackException} with
 * {@link ErrorCode#INVALID_STREAM_ARGUMENT} naming the argument, the value and the form expected (over HTTP, a 400).
 * Instances are immutable.
 */
public final class StreamArguments {

    /** No arguments. */
    public static final StreamArguments NONE = new StreamArguments(Map.of());

    private final Map<String, List<Object>> values;

    private StreamArguments(Map<String, List<Object>> values) {
        this.values = values;
    }

    /**
     * Arguments by name. A collection value is a repeated argument (each element one value); {@code null} values
     * and elements are left out.
     *
     * @param values the values by name
     * @return the arguments
     * @throws NullPointerException for a null map or name
     */
    public static StreamArguments of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Objects.requireNonNull(name, "an argument's name");
            List<Object> all = new ArrayList<>();
            if (value instanceof Collection<?> many) {
                many.stream().filter(Objects::nonNull).forEach(all::add);
            } else if (value != null) {
                all.add(value);
            }
            if (!all.isEmpty()) {
                copy.put(name, Collections.unmodifiableList(all));
            }
        });
        return copy.isEmpty() ? NONE : new StreamArguments(Collections.unmodifiableMap(copy));
    }

    /**
     * The names of the arguments given.
     *
     * @return the names, in the order given
     */
    public Set<String> names() {
        return values.keySet();
    }

    /**
     * Whether an argument was given.
     *
     * @param name the argument's name
     * @return whether it has a value
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * An argument as text.
     *
     * @param name the argument's name
     * @return its value as text ({@code toString()} of an object), or empty when it was not given
     * @throws ActrackException when it was given several times
     */
    public Optional<String> text(String name) {
        return single(name).map(Object::toString);
    }

    /**
     * An argument as text, or a default.
     *
     * @param name the argument's name
     * @param orElse the value when it was not given
     * @return its value as text, or {@code orElse}
     * @throws ActrackException when it was given several times
     */
    public String text(String name, String orElse) {
        return text(name).orElse(orElse);
    }

    /**
     * Every value of a repeated argument, as text ({@code ?verb=posted&verb=commented}).
     *
     * @param name the argument's name
     * @return its values, empty when it was not given
     */
    public List<String> texts(String name) {
        return values.getOrDefault(name, List.of()).stream()
                .map(Object::toString)
                .toList();
    }

    /**
     * An argument as an instant: an {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime}, or ISO-8601
     * text with an offset ({@code 2026-12-07T10:00:00Z}).
     *
     * @param name the argument's name
     * @param orElse the value when it was not given
     * @return the instant, or {@code orElse}
     * @throws ActrackException when the value is no instant, or was given several times
     */
    public Instant instant(String name, Instant orElse) {
        return single(name)
                .map(value -> {
                    if (value instanceof Instant instant) {
                        return instant;
                    }
                    if (value instanceof OffsetDateTime time) {
                        return time.toInstant();
                    }
                    if (value instanceof ZonedDateTime time) {
                        return time.toInstant();
                    }
                    try {
                        return OffsetDateTime.parse(value.toString()).toInstant();
                    } catch (DateTimeParseException e) {
                        throw invalid(name, value, "an ISO-8601 instant with an offset, such as 2026-12-07T10:00:00Z");
                    }
                })
                .orElse(orElse);
    }

    /**
     * An argument as a whole number: an integral {@code Number}, or decimal text.
     *
     * @param name the argument's name
     * @param orElse the value when it was not given
     * @return the number, or {@code orElse}
     * @throws ActrackException when the value is no whole number in the range of {@code long}, or was given several
     *         times
     */
    public long number(String name, long orElse) {
        return single(name)
                .map(value -> {
                    if (value instanceof Long
                            || value instanceof Integer
                            || value instanceof Short
                            || value instanceof Byte) {
                        return ((Number) value).longValue();
                    }
                    try {
                        return Long.parseLong(value.toString());
                    } catch (NumberFormatException e) {
                        throw invalid(name, value, "a whole number");
                    }
                })
                .orElse(orElse);
    }

    /**
     * An argument as a truth value: a {@code Boolean}, or the text {@code true} or {@code false}.
     *
     * @param name the argument's name
     * @param orElse the value when it was not given
     * @return the value, or {@code orElse}
     * @throws ActrackException when the value is neither, or was given several times
     */
    public boolean bool(String name, boolean orElse) {
        return single(name)
                .map(value -> {
                    if (value instanceof Boolean truth) {
                        return truth;
                    }
                    return switch (value.toString()) {
                        case "true" -> true;
                        case "false" -> false;
                        default -> throw invalid(name, value, "true or false");
                    };
                })
                .orElse(orElse);
    }

    private Optional<Object> single(String name) {
        List<Object> all = values.get(name);
        if (all == null) {
            return Optional.empty();
        }
        if (all.size() > 1) {
            throw new ActrackException(
                    ErrorCode.INVALID_STREAM_ARGUMENT,
                    "The stream argument '" + name + "' was given " + all.size() + " times (" + all
                            + "); the stream takes one value");
        }
        return Optional.of(all.get(0));
    }

    private static ActrackException invalid(String name, Object value, String expected) {
        String shown = value.toString();
        if (shown.length() > 100) {
            shown = shown.substring(0, 100) + "…";
        }
        return new ActrackException(
                ErrorCode.INVALID_STREAM_ARGUMENT,
                "The stream argument '" + name + "' is '" + shown + "'; it must be " + expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamArguments arguments && values.equals(arguments.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
