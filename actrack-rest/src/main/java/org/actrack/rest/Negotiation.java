/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The representation a request accepts best, by the weights of its {@code Accept} header (RFC 9110 §12.5.1): each
 * offered type takes the weight of the most specific range that matches it ({@code type/subtype} before
 * {@code type/*} before {@code *}{@code /*}; a range with a {@code profile} matches only that profile), a weight of 0
 * means "not acceptable", and equal weights go to the first type offered. No {@code Accept} accepts the first.
 */
final class Negotiation {

    private Negotiation() {}

    /**
     * The offered type to answer with.
     *
     * @param offered the types, in the server's order of preference
     * @param headers the request's headers
     * @return the type; empty when the request accepts none of them (406)
     */
    static Optional<MediaType> choose(List<MediaType> offered, HttpHeaders headers) {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isEmpty()) {
            return Optional.of(offered.get(0));
        }
        MediaType best = null;
        float bestWeight = 0;
        for (MediaType type : offered) {
            float weight = weight(type, accept);
            if (weight > bestWeight) {
                best = type;
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The weight the request gives the type: that of the most specific matching range, 0 when none matches. */
    private static float weight(MediaType type, List<String> accept) {
        int bestSpecificity = -1;
        float weight = 0;
        for (String header : accept) {
            for (String text : header.split(",")) {
                if (text.isBlank()) {
                    continue;
                }
                MediaType range = MediaType.valueOf(text.strip());
                int specificity = specificity(range, type);
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    weight = quality(range.getParameters());
                }
            }
        }
        return weight;
    }

    /** How specifically a range matches a type: 3 with its profile, 2 type and subtype, 1 the type, 0 any; -1 none. */
    private static int specificity(MediaType range, MediaType type) {
        if (range.isWildcardType()) {
            return 0;
        }
        if (!range.getType().equalsIgnoreCase(type.getType())) {
            return -1;
        }
        if (range.isWildcardSubtype()) {
            return 1;
        }
        if (!range.getSubtype().equalsIgnoreCase(type.getSubtype())) {
            return -1;
        }
        String profile = range.getParameters().get("profile");
        if (profile == null) {
            return 2;
        }
        return profile.equals(type.getParameters().get("profile")) ? 3 : -1;
    }

    private static float quality(Map<String, String> parameters) {
        String q = parameters.get("q");
        if (q == null) {
            return 1;
        }
        try {
            return Math.max(0, Math.min(1, Float.parseFloat(q)));
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }
}
