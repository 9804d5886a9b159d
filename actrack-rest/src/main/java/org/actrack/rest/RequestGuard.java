/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What every request to actrack's application passes first, as a servlet filter on its servlet only (the
 * application's own resources are untouched):
 * <ul>
 * <li>a path with an empty segment ({@code feed//read}) is a 404 problem, whether or not the container would collapse it
 * into another path;</li>
 * <li>answers are private to the caller and typed: {@code Cache-Control: private, no-store} (a page that can be
 * revalidated by its {@code ETag} says {@code no-cache} instead) and {@code X-Content-Type-Options: nosniff};</li>
 * <li>a malformed {@code Accept}, {@code Content-Type} or {@code Accept-Language} is a 400 problem before the JAX-RS
 * runtime reads it (RESTEasy logged such headers as errors and answered HTML; Jersey answered empty bodies);</li>
 * <li>a state change that a page of another site could have sent is a 403 problem ({@link CrossSiteCheck}), before any
 * resource runs: nothing is written.</li>
 * </ul>
 * Internal: public only so that the container can instantiate it.
 */
@WebFilter(
        filterName = "org.actrack.rest.RequestGuard",
        servletNames = "org.actrack.rest.ActrackRestApplication",
        asyncSupported = true)
public final class RequestGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient volatile CrossSiteCheck crossSite;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        String path = request.getRequestURI();
        if (path != null && path.contains("//")) {
            // An empty segment names no resource; some containers would collapse it into another path.
            refuse(
                    response,
                    Status.NOT_FOUND,
                    RestErrorCode.NOT_FOUND,
                    "No resource has the path '" + RequestParameters.shortened(path) + "'");
            return;
        }
        List<String> contentTypes = Collections.list(request.getHeaders("Content-Type"));
        Optional<String> malformed = HeaderSyntax.accept(Collections.list(request.getHeaders("Accept")))
                .map(why -> "Accept: " + why)
                .or(() -> contentTypes.size() > 1
                        ? Optional.of("Content-Type: it is given " + contentTypes.size() + " times")
                        : HeaderSyntax.contentType(request.getHeader("Content-Type"))
                                .map(why -> "Content-Type: " + why))
                .or(() -> HeaderSyntax.acceptLanguage(Collections.list(request.getHeaders("Accept-Language")))
                        .map(why -> "Accept-Language: " + why));
        if (malformed.isPresent()) {
            String[] headerAndWhy = malformed.get().split(": ", 2);
            refuse(
                    response,
                    Status.BAD_REQUEST,
                    RestErrorCode.MALFORMED_HEADER,
                    "The " + headerAndWhy[0] + " header is malformed: " + headerAndWhy[1]);
            return;
        }
        if (CrossSiteCheck.changesState(request.getMethod())) {
            Optional<String> refusal = crossSite()
                    .refusal(
                            ownOrigin(request),
                            request.getHeader("Origin"),
                            request.getHeader("Sec-Fetch-Site"),
                            request.getHeader("Content-Type"),
                            request.getHeader("X-Requested-With"));
            if (refusal.isPresent()) {
                refuse(response, Status.FORBIDDEN, RestErrorCode.CROSS_SITE, refusal.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The application's origin as this request addressed it: its scheme, host and port. */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort =
                (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443) || port <= 0;
        String host = request.getServerName().toLowerCase(java.util.Locale.ROOT);
        return scheme + "://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (defaultPort ? "" : ":" + port);
    }

    private CrossSiteCheck crossSite() {
        CrossSiteCheck check = crossSite;
        if (check == null) {
            check = new CrossSiteCheck(
                    CDI.current().select(RestConfiguration.class).get().settings());
            crossSite = check;
        }
        return check;
    }

    private static void refuse(HttpServletResponse response, Status status, RestErrorCode code, String detail)
            throws IOException {
        response.setStatus(status.getStatusCode());
        response.setContentType(ProblemResponses.PROBLEM_JSON);
        response.getOutputStream()
                .write(ProblemResponses.document(status, code.text(), detail).getBytes(StandardCharsets.UTF_8));
    }
}
