/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.actrack.Action;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One action by id, {@code GET actions/{id}}: readable when the caller's feed shows it, or the stream of one of its
 * objects (or of their types) that the caller may read ({@link Visibility}); the same 404 otherwise as for an id no
 * action has, so that ids cannot be probed.
 */
@Path("actions")
@RequestScoped
@Tag(name = "actions", description = "One action by id")
public class ActionsResource extends ActrackResource {

    /**
     * One action.
     *
     * @param id the action's id
     * @return the action, as plain JSON or an Activity Streams 2.0 activity
     */
    @GET
    @Path("{id}")
    @Operation(summary = "One action, when the caller may read it")
    public Response action(@PathParam("id") String id) {
        pages().representation(ActionPages.ONE_TYPES);
        Object user = caller();
        Action action = readableAction("id", id, visibility(user)::mayRead);
        return pages().one(user, action);
    }
}
