/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request may change a caller's state: what keeps a page of another site from marking a user's feed read
 * or following objects in their name with the user's cookie (cross-site request forgery), whatever the application's
 * cookie settings. A state change ({@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH}) is accepted only when
 * <ol>
 * <li>it is not a "simple" request a form or an image could send: it carries {@code X-Requested-With} (any value) or
 * a JSON body ({@code Content-Type: application/json} or {@code …+json}), which another site can only send after the
 * browser's preflight, which actrack never answers favourably;</li>
 * <li>the browser does not say it comes from elsewhere: its {@code Origin}, when sent, is the application's own
 * (the request's scheme, host and port) or one of {@code actrack.rest.allowed-origins}, and its
 * {@code Sec-Fetch-Site}, when sent, is {@code same-origin} or {@code none}, or {@code same-site} and
 * {@code cross-site} only with an allowed {@code Origin}.</li>
 * </ol>
 * Reading ({@code GET}, {@code HEAD}, {@code OPTIONS}) is never refused here: a page of another site cannot read the
 * answers (no CORS headers are sent).
 */
final class CrossSiteCheck {

    private final List<String> allowedOrigins;

    CrossSiteCheck(RestSettings settings) {
        this.allowedOrigins = settings.allowedOrigins();
    }

    /** Whether the method changes state. */
    static boolean changesState(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
            default -> true;
        };
    }

    /**
     * Why a state change is refused; empty when it is accepted.
     *
     * @param ownOrigin the application's origin as the request addressed it ({@code scheme://host[:port]})
     * @param origin the {@code Origin} header, or {@code null}
     * @param fetchSite the {@code Sec-Fetch-Site} header, or {@code null}
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param requestedWith the {@code X-Requested-With} header, or {@code null}
     */
    Optional<String> refusal(
            String ownOrigin, String origin, String fetchSite, String contentType, String requestedWith) {
        boolean allowedOrigin = false;
        if (origin != null) {
            Optional<String> normalized = RestSettings.normalizedOrigin(origin);
            if (normalized.isEmpty()) {
                return Optional.of(
                        "The request comes from an opaque or malformed origin ('" + RequestParameters.shortened(origin)
                                + "'); state changes are accepted from this application's pages only");
            }
            allowedOrigin = normalized.get().equals(ownOrigin) || allowedOrigins.contains(normalized.get());
            if (!allowedOrigin) {
                return Optional.of(
                        "The request comes from " + normalized.get() + ", which is neither this application ("
                                + ownOrigin + ") nor one of actrack.rest.allowed-origins");
            }
        }
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            boolean sameOrigin = site.equals("same-origin") || site.equals("none");
            if (!sameOrigin && !allowedOrigin) {
                return Optional.of("The browser says the request comes from another "
                        + (site.equals("same-site") ? "origin of this site" : "site") + " (Sec-Fetch-Site: "
                        + RequestParameters.shortened(site) + ")");
            }
        }
        if ((requestedWith == null || requestedWith.isBlank()) && !isJson(contentType)) {
            return Optional.of("A state change must carry the header X-Requested-With (any value) or a JSON body"
                    + " (Content-Type: application/json), which pages of other sites cannot send");
        }
        return Optional.empty();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
