/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET me/export}: what actrack holds about the caller, as {@link org.actrack.PersonalData#export} writes it,
 * for an access request the caller makes themselves. Only the caller's own: there is no parameter naming someone
 * else. Erasure is not offered over HTTP: it is the application's decision, taken with its own data.
 */
@Path("me")
@RequestScoped
@Tag(name = "me", description = "What actrack holds about the caller")
public class PersonalDataResource extends ActrackResource {

    /**
     * The caller's data.
     *
     * @return the JSON document, to be saved as a file
     */
    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What actrack holds about the caller: their actions, trackers and unread state",
            description = "One JSON document (person, actions with the caller's roles, trackers, unread, seenUntil),"
                    + " as an attachment")
    public Response export() {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        String document = log.personalData().export(caller());
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"actrack-export.json\"")
                .build();
    }
}
