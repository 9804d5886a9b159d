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
 * One action by id, {@code GET actions/{id}}: readable when it is in the caller's feed, or when the application's
 * {@link ActionVisibility} lets the caller see one of its objects (every action, with
 * {@code actrack.rest.open-streams=true} and no visibility bean); 403 otherwise.
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
        Object user = caller();
        Action action = action("id", id);
        if (!mayRead(user, action)) {
            throw RestProblem.NOT_YOURS.exception("action " + action.id());
        }
        return pages().one(user, action);
    }
}
