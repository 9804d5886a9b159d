/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.actrack.ObjectRef;
import org.actrack.Options;
import org.actrack.TrackOption;
import org.actrack.Tracker;
import org.actrack.TrackerQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's trackers: {@code GET trackers}; follow with {@code PUT trackers/{entity}/{id}} (one object) or
 * {@code PUT trackers/{entity}} (every entity of the type), optionally with {@code verb} (repeatable: only those
 * verbs) and {@code actorOnly=true} (only actions the object did; over HTTP a tracker follows every role unless asked,
 * where the Java API keeps django-actrack's actor-only default); unfollow with {@code DELETE} on the same paths
 * ({@code verb} removes only those verbs from a tracker that has verbs; from one that follows every verb it is a 409:
 * unfollow it, or {@code PUT} the verbs to keep). Only {@code @Connected} types can be followed, and only what the
 * caller may see ({@link Visibility}: 403 otherwise, 404 when streams are closed); a caller changes only their own
 * trackers.
 */
@Path("trackers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trackers", description = "What the caller follows")
public class TrackersResource extends ActrackResource {

    /**
     * The caller's trackers.
     *
     * @param flag only the trackers with this flag; absent for all
     * @return {@code {"trackers": [...]}}
     */
    @GET
    @Operation(summary = "The caller's trackers (flag: only those with that flag)")
    public String trackers(@QueryParam("flag") String flag) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        TrackerQuery owned = log.trackers(user).owned();
        return json((flag == null ? owned : owned.flagged(flag)).list(), visibility(user));
    }

    /**
     * Follows one object.
     *
     * @param type the entity name
     * @param id the id
     * @param verbs only these verbs (none: every verb)
     * @param actorOnly {@code true} for the object's own actions only; absent or {@code false} for every role
     * @return the caller's tracker on the object
     */
    @PUT
    @Path("{type}/{id}")
    @Operation(summary = "Follows one connected entity (every role unless actorOnly=true)")
    public String follow(
            @PathParam("type") String type,
            @PathParam("id") String id,
            @QueryParam("verb") List<String> verbs,
            @QueryParam("actorOnly") String actorOnly,
            @QueryParam("flag") String flag) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Object object = object(type, id);
        Visibility visibility = visibility(user);
        visibility.streamLimits(object, type + " " + id);
        return json(
                log.track(
                        user,
                        object,
                        options(verbs, actorOnly == null || actorOnly.isEmpty() ? "false" : actorOnly, flag)),
                visibility);
    }

    /**
     * Follows every entity of a type.
     *
     * @param type the entity name
     * @param verbs only these verbs (none: every verb)
     * @param actorOnly {@code true} for the entities' own actions only; absent or {@code false} for every role
     * @return the caller's tracker on the type
     */
    @PUT
    @Path("{type}")
    @Operation(summary = "Follows every entity of a connected type (every role unless actorOnly=true)")
    public String followType(
            @PathParam("type") String type,
            @QueryParam("verb") List<String> verbs,
            @QueryParam("actorOnly") String actorOnly,
            @QueryParam("flag") String flag) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Class<?> entityType = type(type);
        Visibility visibility = visibility(user);
        visibility.streamLimits(entityType, "the stream of " + type);
        return json(
                log.track(
                        user,
                        entityType,
                        options(verbs, actorOnly == null || actorOnly.isEmpty() ? "false" : actorOnly, flag)),
                visibility);
    }

    /**
     * Follows several objects and types at once, with the same verbs and role: all of them, or none when one of them
     * cannot be followed (unknown, or hidden by the rules: the problem names it).
     *
     * @param body {@code {"objects": [{"type": "Train", "id": "12"}, {"type": "Station"}], "verbs": [...],
     *     "actorOnly": false}} ({@link TrackerBatch})
     * @return the caller's trackers on the objects, in the order given
     */
    @POST
    @Path("follow")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Follows several connected entities or types at once (all or none; every role unless actorOnly)")
    public String followAll(InputStream body) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        TrackerBatch batch = TrackerBatch.read(body);
        Visibility visibility = visibility(user);
        List<Object> objects = new ArrayList<>();
        for (ObjectRef ref : batch.objects()) {
            Object object = ref.isWholeType() ? type(ref.type()) : object(ref.type(), ref.id());
            visibility.streamLimits(object, name(ref));
            objects.add(object);
        }
        return json(
                log.track(
                        user,
                        objects,
                        options(batch.verbs(), batch.actorOnly() == null ? "false" : batch.actorOnly(), batch.flag())),
                visibility);
    }

    /**
     * Stops following several objects and types at once, or only some verbs of each: all of them, or none when one of
     * them is unknown, or is followed for every verb while the request removes only some (409).
     *
     * @param body {@code {"objects": [{"type": "Train", "id": "12"}, {"type": "Station"}], "verbs": [...]}}
     * @return {@code {"changed": n}}, the trackers deleted or changed
     */
    @POST
    @Path("unfollow")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stops following several connected entities or types at once, or only some verbs of each")
    public String unfollowAll(InputStream body) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        TrackerBatch batch = TrackerBatch.read(body);
        if (batch.actorOnly() != null) {
            throw RestProblem.INVALID_PARAMETER.exception("actorOnly", "absent when unfollowing", batch.actorOnly());
        }
        List<Object> objects = new ArrayList<>();
        for (ObjectRef ref : batch.objects()) {
            objects.add(ref.isWholeType() ? type(ref.type()) : object(ref.type(), ref.id()));
        }
        refuseRemovingVerbsOfAnEveryVerbTracker(user, batch.objects(), batch.verbs(), batch.flag());
        return changed(log.untrack(user, objects, options(batch.verbs(), null, batch.flag())));
    }

    private static String name(ObjectRef ref) {
        return ref.isWholeType() ? "every " + ref.type() : ref.type() + " " + ref.id();
    }

    /**
     * Stops following one object, or only some verbs of it.
     *
     * @param type the entity name
     * @param id the id
     * @param verbs only these verbs (none: the whole tracker)
     * @return {@code {"changed": n}}, the trackers deleted or changed; 409 when verbs are removed from a tracker that
     *         follows every verb
     */
    @DELETE
    @Path("{type}/{id}")
    @Operation(summary = "Stops following one connected entity, or only some verbs of it")
    public String unfollow(
            @PathParam("type") String type,
            @PathParam("id") String id,
            @QueryParam("verb") List<String> verbs,
            @QueryParam("flag") String flag) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Object object = object(type, id);
        refuseRemovingVerbsOfAnEveryVerbTracker(user, List.of(ObjectRef.of(type, id)), verbs, flag);
        return changed(log.untrack(user, object, options(verbs, null, flag)));
    }

    /**
     * Stops following a type, or only some verbs of it.
     *
     * @param type the entity name
     * @param verbs only these verbs (none: the whole tracker)
     * @return {@code {"changed": n}}, the trackers deleted or changed; 409 when verbs are removed from a tracker that
     *         follows every verb
     */
    @DELETE
    @Path("{type}")
    @Operation(summary = "Stops following a connected type, or only some verbs of it")
    public String unfollowType(
            @PathParam("type") String type, @QueryParam("verb") List<String> verbs, @QueryParam("flag") String flag) {
        pages().representation(List.of(MediaType.APPLICATION_JSON_TYPE));
        Object user = caller();
        Class<?> entityType = type(type);
        refuseRemovingVerbsOfAnEveryVerbTracker(user, List.of(ObjectRef.wholeType(type)), verbs, flag);
        return changed(log.untrack(user, entityType, options(verbs, null, flag)));
    }

    /**
     * A tracker of every verb cannot follow "every verb but some": removing verbs from it would delete it, which is not
     * what the request says. 409 naming the first such object, before anything changes; the caller's trackers are read
     * once, however many objects the request names.
     */
    private void refuseRemovingVerbsOfAnEveryVerbTracker(
            Object user, List<ObjectRef> tracked, List<String> verbs, String flag) {
        if (verbs == null || verbs.isEmpty()) {
            return;
        }
        Set<ObjectRef> everyVerb = log.trackers(user).owned().list().stream()
                .filter(tracker -> tracker.verbs().isEmpty())
                .filter(tracker -> tracker.flag().equals(Optional.ofNullable(flag)))
                .map(Tracker::trackedRef)
                .collect(Collectors.toSet());
        tracked.stream().filter(everyVerb::contains).findFirst().ifPresent(ref -> {
            throw RestProblem.TRACKER_CONFLICT.exception(
                    "Your tracker of " + name(ref) + " follows every verb: it cannot stop following"
                            + " only " + String.join(", ", verbs)
                            + ". DELETE without verb stops following it; PUT with the verbs to keep"
                            + " follows only those.");
        });
    }

    private Object object(String type, String id) {
        return integration()
                .connectedObject(ObjectRef.of(type, id))
                .orElseThrow(() -> RestProblem.UNKNOWN_OBJECT.exception(type, id));
    }

    private Class<?> type(String type) {
        return integration().connectedType(type).orElseThrow(() -> RestProblem.UNKNOWN_TYPE.exception(type));
    }

    /**
     * The options of a track or untrack call: its verbs, for {@code track} (where {@code actorOnly} is not
     * {@code null}) every role unless {@code actorOnly=true}, and its flag when one is given.
     */
    private static TrackOption[] options(List<String> verbs, String actorOnly, String flag) {
        List<TrackOption> options = new ArrayList<>();
        if (verbs != null && !verbs.isEmpty()) {
            options.add(Options.verbs(verbs.toArray(String[]::new)));
        }
        if (actorOnly != null) {
            options.add(Options.actorOnly(RequestParameters.bool("actorOnly", actorOnly)));
        }
        if (flag != null) {
            options.add(Options.flag(flag));
        }
        return options.toArray(TrackOption[]::new);
    }

    private String json(List<Tracker> trackers, Visibility visibility) {
        JsonArrayBuilder array = ActivityJson.BUILDERS.createArrayBuilder();
        trackers.forEach(tracker -> array.add(json(tracker, visibility)));
        return ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("trackers", array)
                .build()
                .toString();
    }

    /** A tracker; one of an object the caller may no longer see is listed without its name, and {@code visible: false}. */
    private JsonObject json(Tracker tracker, Visibility visibility) {
        ObjectRef ref = tracker.trackedRef();
        JsonObjectBuilder json = ActivityJson.BUILDERS.createObjectBuilder().add("type", ref.type());
        tracker.id().ifPresent(id -> json.add("id", id));
        ObjectAddresses objects = pages().objects();
        boolean visible = tracker.tracked().filter(visibility::maySee).isPresent() || !visibility.hasRules();
        if (ref.isWholeType()) {
            json.add("objectId", JsonValue.NULL)
                    .add("name", "every " + ref.type())
                    .add("object", objects.actrackAddress(ref));
        } else {
            json.add("objectId", ref.id())
                    .add("name", visible ? objects.name(tracker.tracked()) : ref.type() + " " + ref.id())
                    .add("object", visible ? objects.uri(ref, tracker.tracked()) : objects.actrackAddress(ref));
        }
        json.add("visible", visible);
        JsonArrayBuilder verbs = ActivityJson.BUILDERS.createArrayBuilder();
        tracker.verbs().stream().sorted().forEach(verbs::add);
        return json.add("verbs", verbs)
                .add("actorOnly", tracker.actorOnly())
                .add("flag", tracker.flag().<JsonValue>map(Json::createValue).orElse(JsonValue.NULL))
                .add("since", tracker.since().toString())
                .build();
    }

    private static String changed(int count) {
        return ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("changed", count)
                .build()
                .toString();
    }
}
