/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.actrack.Action;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;

/**
 * Actions as JSON documents: plain JSON for simple clients, and W3C Activity Streams 2.0 (JSON-LD) with
 * actrack's verb, level and unread state as extension terms. Objects are named and addressed by the
 * {@link ObjectPresentation}.
 */
final class ActivityJson {

    /** The Activity Streams 2.0 media type. */
    static final String ACTIVITY_JSON = "application/activity+json";

    /** JSON-LD with the Activity Streams profile, the other media type the W3C recommendation names. */
    static final String LD_JSON_ACTIVITY_STREAMS =
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    /**
     * The JSON-P builders of every document actrack-rest writes: {@code Json.createObjectBuilder()} looks the
     * provider up on each call, which costs more than building a page.
     */
    static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private static final String CONTEXT = "https://www.w3.org/ns/activitystreams";

    /** The Activity types of the Activity Streams vocabulary: a verb that names one (ignoring case) is typed so. */
    private static final Set<String> ACTIVITY_TYPES = Set.of(
            "Accept",
            "Add",
            "Announce",
            "Arrive",
            "Block",
            "Create",
            "Delete",
            "Dislike",
            "Flag",
            "Follow",
            "Ignore",
            "Invite",
            "Join",
            "Leave",
            "Like",
            "Listen",
            "Move",
            "Offer",
            "Question",
            "Reject",
            "Read",
            "Remove",
            "TentativeReject",
            "TentativeAccept",
            "Travel",
            "Undo",
            "Update",
            "View");

    private final ObjectAddresses objects;

    /** @param objects how objects are named and addressed */
    ActivityJson(ObjectAddresses objects) {
        this.objects = objects;
    }

    /** A page of actions as plain JSON: {@code items}, and {@code next} and {@code prev} (or {@code null}). */
    JsonObject plainPage(
            List<Action> actions,
            List<String> summaries,
            List<Boolean> unread,
            Optional<String> next,
            Optional<String> prev) {
        JsonArrayBuilder items = BUILDERS.createArrayBuilder();
        for (int i = 0; i < actions.size(); i++) {
            items.add(plainAction(actions.get(i), summaries.get(i), unread.get(i)));
        }
        JsonObjectBuilder page = BUILDERS.createObjectBuilder().add("items", items);
        next.ifPresentOrElse(url -> page.add("next", url), () -> page.add("next", JsonValue.NULL));
        prev.ifPresentOrElse(url -> page.add("prev", url), () -> page.add("prev", JsonValue.NULL));
        return page.build();
    }

    /** One action as plain JSON; {@code foreignId} only for an action logged with one. */
    JsonObject plainAction(Action action, String summary, boolean unread) {
        JsonObjectBuilder json = BUILDERS.createObjectBuilder().add("id", action.id());
        action.foreignId().ifPresent(key -> json.add("foreignId", key));
        return json.add("verb", action.verb())
                .add("level", action.level())
                .add("published", action.timestamp().toString())
                .add("summary", summary)
                .add("unread", unread)
                .add(
                        "actor",
                        action.actorRef()
                                .<JsonValue>map(ref -> plainObject(ref, action.actor()))
                                .orElse(JsonValue.NULL))
                .add("targets", plainObjects(action.targetRefs(), action.targets()))
                .add("related", plainObjects(action.relatedRefs(), action.related()))
                .add("data", BUILDERS.createObjectBuilder(dataOf(action)))
                .build();
    }

    /**
     * A stream as an Activity Streams {@code OrderedCollection}: its address and title, and its first page.
     *
     * @param id the collection's address
     * @param first the address of its first page
     */
    JsonObject activityCollection(String id, String title, String first) {
        return BUILDERS.createObjectBuilder()
                .add("@context", context())
                .add("type", "OrderedCollection")
                .add("id", id)
                .add("name", title)
                .add("first", first)
                .build();
    }

    /** A page of actions as an Activity Streams {@code OrderedCollectionPage}, {@code partOf} its collection. */
    JsonObject activityPage(
            String self,
            String collection,
            List<Action> actions,
            List<String> summaries,
            List<Boolean> unread,
            Optional<String> next,
            Optional<String> prev) {
        JsonArrayBuilder items = BUILDERS.createArrayBuilder();
        for (int i = 0; i < actions.size(); i++) {
            items.add(activity(actions.get(i), summaries.get(i), unread.get(i), false));
        }
        JsonObjectBuilder page = BUILDERS.createObjectBuilder()
                .add("@context", context())
                .add("type", "OrderedCollectionPage")
                .add("id", self)
                .add("partOf", collection)
                .add("orderedItems", items);
        next.ifPresent(url -> page.add("next", url));
        prev.ifPresent(url -> page.add("prev", url));
        return page.build();
    }

    /** One action as an Activity Streams {@code Activity}; {@code standalone} adds the {@code @context}. */
    JsonObject activity(Action action, String summary, boolean unread, boolean standalone) {
        JsonObjectBuilder activity = BUILDERS.createObjectBuilder();
        if (standalone) {
            activity.add("@context", context());
        }
        activity.add("type", activityType(action.verb()))
                .add("id", objects.action(action.id()))
                .add("actrack:verb", action.verb())
                .add("actrack:level", action.level())
                .add("published", action.timestamp().toString())
                .add("summary", summary)
                .add("actrack:unread", unread);
        action.foreignId().ifPresent(key -> activity.add("actrack:foreignId", key));
        action.actorRef().ifPresent(ref -> activity.add("actor", activityObject(ref, action.actor())));
        if (!action.targetRefs().isEmpty()) {
            activity.add("object", activityObjects(action.targetRefs(), action.targets()));
        }
        if (!action.relatedRefs().isEmpty()) {
            activity.add("context", activityObjects(action.relatedRefs(), action.related()));
        }
        return activity.build();
    }

    /** An object as plain JSON, with the address of its actions. */
    JsonObject plainObject(ObjectRef ref, Object object, String actions) {
        return BUILDERS.createObjectBuilder(plainObject(ref, Optional.of(object)))
                .add("actions", actions)
                .build();
    }

    /** An object as an Activity Streams {@code Object}, with its actions as its {@code outbox}. */
    JsonObject activityObject(ObjectRef ref, Object object, String actions) {
        return BUILDERS.createObjectBuilder(activityObject(ref, Optional.of(object)))
                .add("@context", context())
                .add("outbox", actions)
                .build();
    }

    static JsonArrayBuilder context() {
        return BUILDERS.createArrayBuilder()
                .add(CONTEXT)
                .add(BUILDERS.createObjectBuilder().add("actrack", "urn:actrack:terms#"));
    }

    static String activityType(String verb) {
        return ACTIVITY_TYPES.stream()
                .filter(type -> type.equalsIgnoreCase(verb))
                .findFirst()
                .orElse("Activity");
    }

    JsonObject plainObject(ObjectRef ref, Optional<Object> object) {
        return BUILDERS.createObjectBuilder()
                .add("type", ref.type())
                .add("id", ref.id())
                .add("name", objects.name(object))
                .build();
    }

    private JsonArrayBuilder plainObjects(List<ObjectRef> refs, List<Object> objects) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        for (int i = 0; i < refs.size(); i++) {
            array.add(plainObject(
                    refs.get(i), i < objects.size() ? Optional.ofNullable(objects.get(i)) : Optional.empty()));
        }
        return array;
    }

    JsonObject activityObject(ObjectRef ref, Optional<Object> object) {
        boolean deleted = object.filter(DeletedItem.class::isInstance).isPresent();
        return BUILDERS.createObjectBuilder()
                .add("type", deleted ? "Tombstone" : "Object")
                .add("id", objects.uri(ref, object))
                .add("name", objects.name(object))
                .build();
    }

    private JsonArrayBuilder activityObjects(List<ObjectRef> refs, List<Object> objects) {
        JsonArrayBuilder array = BUILDERS.createArrayBuilder();
        for (int i = 0; i < refs.size(); i++) {
            array.add(activityObject(
                    refs.get(i), i < objects.size() ? Optional.ofNullable(objects.get(i)) : Optional.empty()));
        }
        return array;
    }

    private static Map<String, Object> dataOf(Action action) {
        return action.data() == null ? Map.of() : action.data();
    }
}
