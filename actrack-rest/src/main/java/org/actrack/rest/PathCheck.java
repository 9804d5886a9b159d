/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import java.util.List;

/**
 * Paths name resources exactly: an empty segment ({@code trackers/Station/}, {@code feed//read}) or a matrix
 * parameter ({@code trackers/Train;x=y}) is a 404 problem, never the shorter path the runtime would otherwise match
 * ({@code trackers/Station/} would follow every station). Internal: public only so that the runtime can instantiate it.
 */
@PreMatching
public final class PathCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath();
        if (raw != null && raw.contains("//")) {
            throw RestProblem.NOT_FOUND.exception(RequestParameters.shortened(raw));
        }
        List<PathSegment> segments = request.getUriInfo().getPathSegments(false);
        for (int i = 0; i < segments.size(); i++) {
            PathSegment segment = segments.get(i);
            boolean emptyInside = segment.getPath().isEmpty() && !(segments.size() == 1);
            if (emptyInside || !segment.getMatrixParameters().isEmpty()) {
                throw RestProblem.NOT_FOUND.exception(
                        RequestParameters.shortened(request.getUriInfo().getPath(false)));
            }
        }
    }
}
