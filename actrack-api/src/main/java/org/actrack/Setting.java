/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once: its key, its type, its default, the values it accepts and one line of documentation.
 * Reading it from configuration, checking a value given to a builder, printing it and the documentation's table
 * all derive from the declaration. actrack's settings are declared in {@link SettingKeys}; a module with settings of
 * its own (actrack-rest) declares them the same way.
 *
 * <p>A value that is not accepted is refused with an {@link ActrackException} ({@link ErrorCode#INVALID_SETTING})
 * naming the key, the value (never a secret's) and what is expected.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    private final String key;
    private final T defaultValue;
    private final String defaultText;
    private final Function<String, T> parser;
    private final Predicate<T> accepted;
    private final Function<T, T> normalized;
    private final String expected;
    private final String documentation;
    private final boolean secret;

    private Setting(
            String key,
            T defaultValue,
            String defaultText,
            Function<String, T> parser,
            Predicate<T> accepted,
            Function<T, T> normalized,
            String expected,
            String documentation,
            boolean secret) {
        this.key = Objects.requireNonNull(key, "key");
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.parser = parser;
        this.accepted = accepted;
        this.normalized = normalized;
        this.expected = expected;
        this.documentation = documentation;
        this.secret = secret;
    }

    /**
     * A setting of {@code true} or {@code false}.
     *
     * @param key the key
     * @param defaultValue the default
     * @param documentation one line: what it does
     * @return the declaration
     */
    public static Setting<Boolean> flag(String key, boolean defaultValue, String documentation) {
        return new Setting<>(
                key,
                defaultValue,
                String.valueOf(defaultValue),
                text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> null;
                },
                value -> value != null,
                Function.identity(),
                "true or false",
                documentation,
                false);
    }

    /**
     * A whole number from {@code min} to {@code max}.
     *
     * @param key the key
     * @param defaultValue the default
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @param documentation one line: what it does
     * @return the declaration
     */
    public static Setting<Integer> number(String key, int defaultValue, int min, int max, String documentation) {
        return new Setting<>(
                key,
                defaultValue,
                String.valueOf(defaultValue),
                Setting::parseInteger,
                value -> value != null && value >= min && value <= max,
                Function.identity(),
                max == Integer.MAX_VALUE ? "a whole number from " + min : "a whole number from " + min + " to " + max,
                documentation,
                false);
    }

    /**
     * A text (stripped of surrounding blanks) that {@code accepted} accepts.
     *
     * @param key the key
     * @param defaultValue the default
     * @param accepted which texts are accepted
     * @param expected what is accepted, in words, for the error message
     * @param documentation one line: what it does
     * @return the declaration
     */
    public static Setting<String> text(
            String key, String defaultValue, Predicate<String> accepted, String expected, String documentation) {
        return new Setting<>(
                key,
                defaultValue,
                defaultValue.isEmpty() ? "empty" : defaultValue,
                String::strip,
                value -> value != null && accepted.test(value),
                Function.identity(),
                expected,
                documentation,
                false);
    }

    /**
     * An optional text: unset or blank means none.
     *
     * @param key the key
     * @param defaultText what being unset means, for the documentation
     * @param accepted which texts are accepted
     * @param expected what is accepted, in words, for the error message
     * @param documentation one line: what it does
     * @return the declaration
     */
    public static Setting<Optional<String>> optionalText(
            String key, String defaultText, Predicate<String> accepted, String expected, String documentation) {
        return new Setting<>(
                key,
                Optional.empty(),
                defaultText,
                text -> Optional.of(text.strip()).filter(stripped -> !stripped.isEmpty()),
                value -> value != null && value.map(accepted::test).orElse(true),
                Function.identity(),
                expected,
                documentation,
                false);
    }

    /**
     * A list of texts separated by commas, each normalized by {@code element} (empty when not accepted); blank elements
     * are skipped.
     *
     * @param key the key
     * @param defaultText what the default (no element) means, for the documentation
     * @param element the normalized form of an element, or empty when it is not accepted
     * @param expected what is accepted, in words, for the error message
     * @param documentation one line: what it does
     * @return the declaration
     */
    public static Setting<List<String>> list(
            String key,
            String defaultText,
            Function<String, Optional<String>> element,
            String expected,
            String documentation) {
        return new Setting<>(
                key,
                List.of(),
                defaultText,
                text -> Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(value -> !value.isEmpty())
                        .toList(),
                values -> values != null
                        && values.stream()
                                .allMatch(value -> value != null
                                        && element.apply(value.strip()).isPresent()),
                values -> values.stream()
                        .map(value -> element.apply(value.strip()).orElseThrow())
                        .toList(),
                expected,
                documentation,
                false);
    }

    /**
     * Any other kind of value.
     *
     * @param <T> the type of the value
     * @param key the key
     * @param defaultValue the default
     * @param defaultText the default as the documentation shows it
     * @param parser the value of a text, or {@code null} when the text is none
     * @param accepted which values are accepted
     * @param expected what is accepted, in words, for the error message
     * @param documentation one line: what it does
     * @return the declaration
     */
    public static <T> Setting<T> of(
            String key,
            T defaultValue,
            String defaultText,
            Function<String, T> parser,
            Predicate<T> accepted,
            String expected,
            String documentation) {
        return new Setting<>(
                key,
                defaultValue,
                defaultText,
                parser,
                value -> value != null && accepted.test(value),
                Function.identity(),
                expected,
                documentation,
                false);
    }

    /**
     * This setting as a secret: its value is never part of a message or of {@link #describe}.
     *
     * @return the declaration, secret
     */
    public Setting<T> secret() {
        return new Setting<>(
                key, defaultValue, defaultText, parser, accepted, normalized, expected, documentation, true);
    }

    /**
     * The key, such as {@code actrack.user-type}.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The value when the key is not set.
     *
     * @return the default
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * The default as the documentation shows it.
     *
     * @return the default, in words where it is none or derived
     */
    public String defaultText() {
        return defaultText;
    }

    /**
     * What is accepted, in words.
     *
     * @return what is accepted
     */
    public String expected() {
        return expected;
    }

    /**
     * One line: what the setting does.
     *
     * @return the documentation
     */
    public String documentation() {
        return documentation;
    }

    /**
     * Whether the value is a secret, never shown.
     *
     * @return whether it is secret
     */
    public boolean isSecret() {
        return secret;
    }

    /**
     * The value {@code lookup} gives the key, or the default when it gives none.
     *
     * @param lookup reads a key's value, empty when unset
     * @return the value
     * @throws ActrackException ({@link ErrorCode#INVALID_SETTING}) naming the key, the value and what is expected
     */
    public T read(Function<String, Optional<String>> lookup) {
        Optional<String> text = lookup.apply(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        T value;
        try {
            value = parser.apply(text.get());
        } catch (RuntimeException unreadable) {
            value = null;
        }
        if (value == null || !accepted.test(value)) {
            throw invalid(text.get());
        }
        return normalized.apply(value);
    }

    /**
     * {@code value} when it is accepted, in its normal form (origins in lower case, say).
     *
     * @param value a value given to a builder
     * @return the value, normalized
     * @throws ActrackException ({@link ErrorCode#INVALID_SETTING}) naming the key, the value and what is expected
     */
    public T checked(T value) {
        if (value == null || !accepted.test(value)) {
            throw invalid(value instanceof Optional<?> optional ? optional.orElse(null) : value);
        }
        return normalized.apply(value);
    }

    /**
     * The value as a message may show it: a secret's only as set or not.
     *
     * @param value a value of this setting
     * @return the value for a message
     */
    public String describe(Object value) {
        if (secret) {
            boolean set = value instanceof Optional<?> optional ? optional.isPresent() : value != null;
            return set ? "(set)" : "(unset)";
        }
        return value instanceof Optional<?> optional
                ? optional.map(String::valueOf).orElse("(unset)")
                : String.valueOf(value);
    }

    private ActrackException invalid(Object value) {
        String shown = !secret
                ? "'" + value + "'"
                : value instanceof String text
                        ? "(not shown: a secret of " + text.length() + " characters)"
                        : "(not shown: it is a secret)";
        return new ActrackException(
                ErrorCode.INVALID_SETTING,
                "Setting " + key + " has the invalid value " + shown + "; expected " + expected);
    }

    private static Integer parseInteger(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** The key. */
    @Override
    public String toString() {
        return key;
    }
}
