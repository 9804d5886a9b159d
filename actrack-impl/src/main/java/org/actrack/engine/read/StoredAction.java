/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ObjectRef;
import org.actrack.engine.JsonData;

/** An action as queries return it: immutable, its references resolved by {@link ActionLoader}. */
public final class StoredAction implements Action {

    private final long id;
    private final ObjectRef actorRef;
    private final Object actor;
    private final String verb;
    private final int level;
    /** The data as the database holds it, read into {@link #data} on first use: most pages never look at it. */
    private final String dataJson;

    private final JsonData json;
    private volatile Map<String, Object> data;
    private final Instant timestamp;
    private final List<ObjectRef> targetRefs;
    private final List<Object> targets;
    private final List<ObjectRef> relatedRefs;
    private final List<Object> related;
    private final String foreignId;

    /**
     * Creates an action whose references are resolved.
     *
     * @param id the action's id; ids grow in logging order
     * @param actorRef the actor's reference, or {@code null} for an action without an actor
     * @param actor the actor entity, or {@code null} when there is none or it no longer exists
     * @param verb the verb
     * @param level the level's value
     * @param dataJson the JSON data as stored, read back with JSON-B when first asked for (numbers become
     *        {@code BigDecimal}); values may be null
     * @param json how it is read
     * @param timestamp when it happened
     * @param targetRefs the targets' references, in logging order
     * @param targets the target entities that still exist, in logging order
     * @param relatedRefs the related objects' references, in logging order
     * @param related the related entities that still exist, in logging order
     * @param foreignId the application's own key of the action, or {@code null}
     */
    public StoredAction(
            long id,
            ObjectRef actorRef,
            Object actor,
            String verb,
            int level,
            String dataJson,
            JsonData json,
            Instant timestamp,
            List<ObjectRef> targetRefs,
            List<Object> targets,
            List<ObjectRef> relatedRefs,
            List<Object> related,
            String foreignId) {
        this.foreignId = foreignId;
        this.id = id;
        this.actorRef = actorRef;
        this.actor = actor;
        this.verb = Objects.requireNonNull(verb, "verb");
        this.level = level;
        this.dataJson = dataJson;
        this.json = Objects.requireNonNull(json, "json");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.targetRefs = List.copyOf(targetRefs);
        this.targets = List.copyOf(targets);
        this.relatedRefs = List.copyOf(relatedRefs);
        this.related = List.copyOf(related);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Optional<ObjectRef> actorRef() {
        return Optional.ofNullable(actorRef);
    }

    @Override
    public Optional<Object> actor() {
        return Optional.ofNullable(actor);
    }

    @Override
    public String verb() {
        return verb;
    }

    @Override
    public int level() {
        return level;
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> read = data;
        if (read == null) {
            // Two threads may both read it: the result is the same immutable map either way.
            read = dataJson == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(json.read(dataJson)));
            data = read;
        }
        return read;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public Optional<String> foreignId() {
        return Optional.ofNullable(foreignId);
    }

    @Override
    public List<ObjectRef> targetRefs() {
        return targetRefs;
    }

    @Override
    public List<Object> targets() {
        return targets;
    }

    @Override
    public List<ObjectRef> relatedRefs() {
        return relatedRefs;
    }

    @Override
    public List<Object> related() {
        return related;
    }

    /** Actions are equal when their ids are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredAction action && action.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Action[" + id + ": " + (actorRef == null ? "-" : actorRef) + " " + verb + " " + targetRefs
                + (relatedRefs.isEmpty() ? "" : " in relation to " + relatedRefs) + " at " + timestamp + "]";
    }
}
