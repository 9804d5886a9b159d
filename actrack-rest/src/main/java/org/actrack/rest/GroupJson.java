/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ObjectRef;

/**
 * A page of groups ({@code grouped=true}) as plain JSON or Activity Streams 2.0. In Activity Streams a group is a
 * {@code Collection} of its newest member activities: {@code summary} (the newest member's text, and how many more),
 * {@code totalItems} (its actions), {@code updated} (its newest action's time), and actrack's extension terms
 * {@code actrack:group} (its key), {@code actrack:verb}, {@code actrack:groupedBy} (the object its actions share, when
 * its rule names one), {@code actrack:actors}, {@code actrack:unread}, {@code actrack:unreadIds} and {@code actrack:seen}.
 */
final class GroupJson {

    private final ActivityJson actions;

    GroupJson(ActivityJson actions) {
        this.actions = actions;
    }

    /** The page as plain JSON: {@code items} (groups), and {@code next} (or {@code null}). */
    JsonObject plainPage(List<ActionGroup> groups, RenderedMembers rendered, Optional<String> next) {
        JsonArrayBuilder items = ActivityJson.BUILDERS.createArrayBuilder();
        for (ActionGroup group : groups) {
            JsonArrayBuilder members = ActivityJson.BUILDERS.createArrayBuilder();
            group.members()
                    .forEach(action -> members.add(
                            actions.plainAction(action, rendered.summary(action), rendered.unread(group, action))));
            JsonObjectBuilder item = ActivityJson.BUILDERS
                    .createObjectBuilder()
                    .add("key", group.key())
                    .add("verb", group.verb())
                    .add(
                            "groupedBy",
                            group.groupedBy()
                                    .<JsonValue>map(ref -> actions.plainObject(ref, sharedObject(group, ref)))
                                    .orElse(JsonValue.NULL))
                    .add("summary", rendered.summary(group))
                    .add("actions", group.actionCount())
                    .add("actors", group.actorCount())
                    .add("newest", group.newest().toString())
                    .add("unread", group.unreadCount())
                    .add("unreadIds", ids(group.unreadIds()))
                    .add("seen", group.seen())
                    .add("members", members);
            items.add(item);
        }
        JsonObjectBuilder page = ActivityJson.BUILDERS.createObjectBuilder().add("items", items);
        next.ifPresentOrElse(url -> page.add("next", url), () -> page.add("next", JsonValue.NULL));
        return page.build();
    }

    /** The page as an Activity Streams {@code OrderedCollectionPage} of {@code Collection}s. */
    JsonObject activityPage(
            String self, String collection, List<ActionGroup> groups, RenderedMembers rendered, Optional<String> next) {
        JsonArrayBuilder items = ActivityJson.BUILDERS.createArrayBuilder();
        for (ActionGroup group : groups) {
            JsonArrayBuilder members = ActivityJson.BUILDERS.createArrayBuilder();
            group.members()
                    .forEach(action -> members.add(
                            actions.activity(action, rendered.summary(action), rendered.unread(group, action), false)));
            JsonObjectBuilder item = ActivityJson.BUILDERS
                    .createObjectBuilder()
                    .add("type", "Collection")
                    .add("summary", rendered.summary(group))
                    .add("totalItems", group.actionCount())
                    .add("updated", group.newest().toString())
                    .add("items", members)
                    .add("actrack:group", group.key())
                    .add("actrack:verb", group.verb())
                    .add("actrack:actors", group.actorCount())
                    .add("actrack:unread", group.unreadCount())
                    .add("actrack:unreadIds", ids(group.unreadIds()))
                    .add("actrack:seen", group.seen());
            group.groupedBy()
                    .ifPresent(ref ->
                            item.add("actrack:groupedBy", actions.activityObject(ref, sharedObject(group, ref))));
            items.add(item);
        }
        JsonObjectBuilder page = ActivityJson.BUILDERS
                .createObjectBuilder()
                .add("@context", ActivityJson.context())
                .add("type", "OrderedCollectionPage")
                .add("id", self)
                .add("partOf", collection)
                .add("orderedItems", items);
        next.ifPresent(url -> page.add("next", url));
        return page.build();
    }

    /** The object the group's actions share, as its newest action holds it (the entity, or empty when gone). */
    static Optional<Object> sharedObject(ActionGroup group, ObjectRef ref) {
        Action newest = group.first();
        if (newest.actorRef().filter(ref::equals).isPresent()) {
            return newest.actor();
        }
        List<ObjectRef> targets = newest.targetRefs();
        List<Object> objects = newest.targets();
        for (int i = 0; i < targets.size() && i < objects.size(); i++) {
            if (targets.get(i).equals(ref)) {
                return Optional.ofNullable(objects.get(i));
            }
        }
        return Optional.empty();
    }

    private static JsonArrayBuilder ids(List<Long> ids) {
        JsonArrayBuilder array = ActivityJson.BUILDERS.createArrayBuilder();
        ids.forEach(array::add);
        return array;
    }
}
