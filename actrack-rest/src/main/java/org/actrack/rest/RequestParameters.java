/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

/** Reads query and path parameters, refusing values of the wrong type or out of range with a 400 problem. */
final class RequestParameters {

    private RequestParameters() {}

    /** An integer parameter; {@code fallback} when absent or empty. */
    static int integer(String name, String value, int fallback, int min, int max) {
        return (int) integer(name, value, fallback, min, (long) max);
    }

    /** A long integer parameter; {@code fallback} when absent or empty. */
    static long integer(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw RestProblem.INVALID_PARAMETER.exception(
                    name, "an integer from " + min + " to " + max, shortened(value));
        }
        if (parsed < min || parsed > max) {
            throw RestProblem.INVALID_PARAMETER.exception(
                    name, "an integer from " + min + " to " + max, shortened(value));
        }
        return parsed;
    }

    static boolean isInteger(String value) {
        return value.matches("-?[0-9]{1,9}");
    }

    /** A boolean parameter: {@code true} or {@code false}; {@code false} when absent or empty. */
    static boolean bool(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw RestProblem.INVALID_PARAMETER.exception(name, "true or false", shortened(value));
    }

    /**
     * The feed's {@code since} parameter: {@code followed} for a feed in which each tracker counts from its creation;
     * absent or empty for the whole history of what the caller follows.
     */
    static boolean sinceFollowed(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (value.equals("followed")) {
            return true;
        }
        throw RestProblem.INVALID_PARAMETER.exception("since", "followed, or absent", shortened(value));
    }

    /** A value as echoed in a problem: at most 100 characters. */
    static String shortened(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
