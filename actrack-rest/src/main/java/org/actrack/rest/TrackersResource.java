package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.actrack.ObjectRef;
import org.actrack.Options;
import org.actrack.TrackOption;
import org.actrack.Tracker;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's trackers: {@code GET trackers}; follow with {@code PUT trackers/{entity}/{id}} (one object) or
 * {@code PUT trackers/{entity}} (every entity of the type), optionally with {@code verb} (repeatable: only those
 * verbs) and {@code actorOnly} ({@code true}: only actions the object did); unfollow with {@code DELETE} on the
 * same paths ({@code verb} removes only those verbs). Only {@code @Connected} types can be followed; a caller
 * changes only their own trackers.
 */
@Path("trackers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "trackers", description = "What the caller follows")
public class TrackersResource extends ActrackResource {

    /**
     * The caller's trackers.
     *
     * @return {@code {"trackers": [...]}}
     */
    @GET
    @Operation(summary = "The caller's trackers")
    public String trackers() {
        Object user = caller();
        return json(log.trackers(user).owned().list());
    }

    /**
     * Follows one object.
     *
     * @param type the entity name
     * @param id the id
     * @param verbs only these verbs (none: every verb)
     * @param actorOnly {@code true} for the object's own actions only, {@code false} for every role
     * @return the caller's tracker on the object
     */
    @PUT
    @Path("{type}/{id}")
    @Operation(summary = "Follows one connected entity")
    public String follow(@PathParam("type") String type, @PathParam("id") String id, @QueryParam("verb") List<String> verbs,
            @QueryParam("actorOnly") String actorOnly) {
        Object user = caller();
        return json(log.track(user, object(type, id), options(verbs, actorOnly)));
    }

    /**
     * Follows every entity of a type.
     *
     * @param type the entity name
     * @param verbs only these verbs (none: every verb)
     * @param actorOnly {@code true} for the entities' own actions only, {@code false} for every role
     * @return the caller's tracker on the type
     */
    @PUT
    @Path("{type}")
    @Operation(summary = "Follows every entity of a connected type")
    public String followType(@PathParam("type") String type, @QueryParam("verb") List<String> verbs,
            @QueryParam("actorOnly") String actorOnly) {
        Object user = caller();
        return json(log.track(user, type(type), options(verbs, actorOnly)));
    }

    /**
     * Stops following one object, or only some verbs of it.
     *
     * @param type the entity name
     * @param id the id
     * @param verbs only these verbs (none: the whole tracker)
     * @return {@code {"changed": n}}, the trackers deleted or changed
     */
    @DELETE
    @Path("{type}/{id}")
    @Operation(summary = "Stops following one connected entity")
    public String unfollow(@PathParam("type") String type, @PathParam("id") String id, @QueryParam("verb") List<String> verbs) {
        Object user = caller();
        return changed(log.untrack(user, object(type, id), options(verbs, null)));
    }

    /**
     * Stops following a type, or only some verbs of it.
     *
     * @param type the entity name
     * @param verbs only these verbs (none: the whole tracker)
     * @return {@code {"changed": n}}, the trackers deleted or changed
     */
    @DELETE
    @Path("{type}")
    @Operation(summary = "Stops following a connected type")
    public String unfollowType(@PathParam("type") String type, @QueryParam("verb") List<String> verbs) {
        Object user = caller();
        return changed(log.untrack(user, type(type), options(verbs, null)));
    }

    private Object object(String type, String id) {
        return log.connectedObject(ObjectRef.of(type, id)).orElseThrow(() -> RestProblem.UNKNOWN_OBJECT.exception(type, id));
    }

    private Class<?> type(String type) {
        return log.connectedType(type).orElseThrow(() -> RestProblem.UNKNOWN_TYPE.exception(type));
    }

    private static TrackOption[] options(List<String> verbs, String actorOnly) {
        List<TrackOption> options = new ArrayList<>();
        if (verbs != null && !verbs.isEmpty()) {
            options.add(Options.verbs(verbs.toArray(String[]::new)));
        }
        if (actorOnly != null && !actorOnly.isEmpty()) {
            options.add(Options.actorOnly(RequestParameters.bool("actorOnly", actorOnly)));
        }
        return options.toArray(TrackOption[]::new);
    }

    private String json(List<Tracker> trackers) {
        JsonArrayBuilder array = ActivityJson.BUILDERS.createArrayBuilder();
        trackers.forEach(tracker -> array.add(json(tracker)));
        return ActivityJson.BUILDERS.createObjectBuilder().add("trackers", array).build().toString();
    }

    private JsonObject json(Tracker tracker) {
        ObjectRef ref = tracker.trackedRef();
        JsonObjectBuilder json = ActivityJson.BUILDERS.createObjectBuilder().add("type", ref.type());
        tracker.id().ifPresent(id -> json.add("id", id));
        ObjectAddresses objects = pages().objects();
        if (ref.isWholeType()) {
            json.add("objectId", JsonValue.NULL).add("name", "every " + ref.type()).add("object", objects.actrackAddress(ref));
        } else {
            json.add("objectId", ref.id()).add("name", objects.name(tracker.tracked())).add("object", objects.uri(ref, tracker.tracked()));
        }
        JsonArrayBuilder verbs = ActivityJson.BUILDERS.createArrayBuilder();
        tracker.verbs().stream().sorted().forEach(verbs::add);
        return json.add("verbs", verbs).add("actorOnly", tracker.actorOnly()).add("since", tracker.since().toString()).build();
    }

    private static String changed(int count) {
        return ActivityJson.BUILDERS.createObjectBuilder().add("changed", count).build().toString();
    }
}
