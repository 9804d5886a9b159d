/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actrack.ActionQuery;
import org.actrack.ObjectActions;
import org.actrack.ObjectRef;
import org.actrack.StreamLimits;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code @Connected} entities addressed by entity name and id: {@code GET objects/{entity}/{id}} (the object),
 * {@code GET objects/{entity}/{id}/actions} (its stream: all, or {@code role=actor|target|related}) and
 * {@code GET objects/{entity}/actions} (the stream of the whole type); on either, {@code stream=mystream} reads an
 * application's {@linkplain org.actrack.ActionStream custom stream} for the object or type instead. Streams pass through the application's
 * {@link ActionVisibility}; without one they answer 404 unless {@code actrack.rest.open-streams=true}.
 */
@Path("objects")
@RequestScoped
@Tag(name = "objects", description = "Streams of connected entities and entity types")
public class ObjectsResource extends ActrackResource {

    /**
     * An object: its type, id, name and the address of its actions.
     *
     * @param type the entity name
     * @param id the id
     * @return the object, as plain JSON or Activity Streams 2.0
     */
    @GET
    @Path("{type}/{id}")
    @Operation(summary = "A connected entity: its name and the address of its actions")
    public Response object(@PathParam("type") String type, @PathParam("id") String id) {
        MediaType representation = pages().representation(ActionPages.ONE_TYPES);
        Object user = caller();
        Object object = find(type, id);
        visibility(user).streamLimits(object, type + " " + id);
        String actions = uri.getAbsolutePathBuilder().path("actions").build().toString();
        ActivityJson json = new ActivityJson(pages().objects());
        ObjectRef ref = ObjectRef.of(type, id);
        String body = ActionPages.isActivityStreams(representation)
                ? json.activityObject(ref, object, actions).toString()
                : json.plainObject(ref, object, actions).toString();
        return Response.ok(body, representation)
                .header("Vary", "Accept, Authorization, Cookie")
                .build();
    }

    /**
     * A page of an object's stream.
     *
     * @param type the entity name
     * @param id the id
     * @param role {@code actor}, {@code target} or {@code related} for the actions where the object has that role;
     *        absent or {@code any} for all
     * @param stream the name of a {@linkplain org.actrack.ActionStream custom stream} to read for the object instead
     *        of its own stream; the request's other query parameters, but those placing the page, are its arguments
     * @param page the page's size, position and filters
     * @return the page, in the representation the {@code Accept} header asks for
     */
    @GET
    @Path("{type}/{id}/actions")
    @Operation(
            summary = "A page of a connected entity's stream, newest first",
            description = "role=actor|target|related|any, or stream=<a custom stream's name> and its arguments;"
                    + " size, cursor, before, verb, level, grouped, members as for the feed")
    public Response objectStream(
            @PathParam("type") String type,
            @PathParam("id") String id,
            @QueryParam("role") String role,
            @QueryParam("stream") String stream,
            @BeanParam PageRequest page) {
        Object user = caller();
        Object object = find(type, id);
        if (stream != null) {
            if (role != null) {
                throw RestProblem.INVALID_PARAMETER.exception("role", "absent when stream is given", role);
            }
            return customStream(user, stream, object, type + " " + id, page);
        }
        StreamLimits limits = visibility(user).streamLimits(object, type + " " + id);
        ObjectActions actions = log.actions(object);
        ActionQuery query = switch (role == null || role.isEmpty() ? "any" : role) {
            case "any" -> actions.all();
            case "actor" -> actions.asActor();
            case "target" -> actions.asTarget();
            case "related" -> actions.asRelated();
            default -> throw RestProblem.INVALID_PARAMETER.exception("role", "actor, target, related or any", role);
        };
        return pages().page(user, page.filter(query, integration().settings(), limits), page, type + " " + id);
    }

    /**
     * A page of the stream of a whole entity type: every action about any of its entities.
     *
     * @param type the entity name
     * @param stream the name of a {@linkplain org.actrack.ActionStream custom stream} to read for the entity class
     *        instead of the type's own stream
     * @param page the page's size, position and filters
     * @return the page, in the representation the {@code Accept} header asks for
     */
    @GET
    @Path("{type}/actions")
    @Operation(
            summary = "A page of the stream of a connected entity type, newest first",
            description = "stream=<a custom stream's name> and its arguments reads that stream for the type")
    public Response typeStream(
            @PathParam("type") String type, @QueryParam("stream") String stream, @BeanParam PageRequest page) {
        Object user = caller();
        Class<?> entityType =
                integration().connectedType(type).orElseThrow(() -> RestProblem.UNKNOWN_TYPE.exception(type));
        if (stream != null) {
            return customStream(user, stream, entityType, "the stream of " + type, page);
        }
        StreamLimits limits = visibility(user).streamLimits(entityType, "the stream of " + type);
        return pages().page(
                        user,
                        page.filter(
                                log.streams().model(entityType), integration().settings(), limits),
                        page,
                        type);
    }

    /**
     * A page of a custom stream read for an object or type, which the caller must be allowed to read it for; the
     * visibility's limits narrow it as they narrow the subject's own stream.
     */
    private Response customStream(Object user, String stream, Object subject, String name, PageRequest page) {
        StreamLimits limits = visibility(user).customStreamLimits(stream, subject, name);
        Map<String, List<String>> arguments = new LinkedHashMap<>(uri.getQueryParameters());
        arguments.keySet().removeAll(PageRequest.PAGING);
        arguments.keySet().removeAll(PageRequest.GROUPING);
        arguments.remove("stream");
        ActionQuery query = log.streams().named(stream, subject, arguments);
        return pages().page(
                        user, page.filter(query, integration().settings(), limits), page, name + " (" + stream + ")");
    }

    private Object find(String type, String id) {
        return integration()
                .connectedObject(ObjectRef.of(type, id))
                .orElseThrow(() -> RestProblem.UNKNOWN_OBJECT.exception(type, id));
    }
}
