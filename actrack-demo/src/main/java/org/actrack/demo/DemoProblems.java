/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The demo's own errors (a retired or travelling train, an unknown station) as {@code application/problem+json}
 * with the reason as {@code detail}, which the page shows as text; actrack-rest answers its own errors the same way.
 */
@Provider
public class DemoProblems implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException error) {
        Response response = error.getResponse();
        Response.StatusType status = response.getStatusInfo();
        String problem = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", error.getMessage() == null ? status.getReasonPhrase() : error.getMessage())
                .build()
                .toString();
        return Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build();
    }
}
