package org.actrack;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored action, as queries return it: immutable, with its references resolved to entities.
 *
 * <p>The referenced entities are loaded with one query per entity type for a whole page of actions.
 * A reference whose entity no longer exists is kept in the {@code …Refs()} lists and left out of the
 * entity lists.
 */
public final class Action {

    private final long id;
    private final ObjectRef actorRef;
    private final Object actor;
    private final String verb;
    private final int level;
    private final Map<String, Object> data;
    private final Instant timestamp;
    private final List<ObjectRef> targetRefs;
    private final List<Object> targets;
    private final List<ObjectRef> relatedRefs;
    private final List<Object> related;

    /**
     * Creates an action; called by the engine, which resolves the references.
     *
     * @param id the action's id; ids grow in logging order
     * @param actorRef the actor's reference, or {@code null} for an action without an actor
     * @param actor the actor entity, or {@code null} when there is none or it no longer exists
     * @param verb the verb
     * @param level the level's value
     * @param data the JSON data, read back with JSON-B (numbers become {@code BigDecimal}); values may be null
     * @param timestamp when it happened
     * @param targetRefs the targets' references, in logging order
     * @param targets the target entities that still exist, in logging order
     * @param relatedRefs the related objects' references, in logging order
     * @param related the related entities that still exist, in logging order
     */
    public Action(long id, ObjectRef actorRef, Object actor, String verb, int level, Map<String, Object> data,
            Instant timestamp, List<ObjectRef> targetRefs, List<Object> targets, List<ObjectRef> relatedRefs,
            List<Object> related) {
        this.id = id;
        this.actorRef = actorRef;
        this.actor = actor;
        this.verb = Objects.requireNonNull(verb, "verb");
        this.level = level;
        this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.targetRefs = List.copyOf(targetRefs);
        this.targets = List.copyOf(targets);
        this.relatedRefs = List.copyOf(relatedRefs);
        this.related = List.copyOf(related);
    }

    /** The id; ids grow in logging order. */
    public long id() {
        return id;
    }

    /** The actor's reference, empty for an action without an actor. */
    public Optional<ObjectRef> actorRef() {
        return Optional.ofNullable(actorRef);
    }

    /** The actor entity, empty when there is none or it no longer exists. */
    public Optional<Object> actor() {
        return Optional.ofNullable(actor);
    }

    /** The verb. */
    public String verb() {
        return verb;
    }

    /** The level's value. */
    public int level() {
        return level;
    }

    /** The JSON data, as JSON-B reads it back (objects as maps, arrays as lists, numbers as {@code BigDecimal}). */
    public Map<String, Object> data() {
        return data;
    }

    /** When it happened (UTC, microsecond precision). */
    public Instant timestamp() {
        return timestamp;
    }

    /** The targets' references, in logging order. */
    public List<ObjectRef> targetRefs() {
        return targetRefs;
    }

    /** The target entities that still exist, in logging order. */
    public List<Object> targets() {
        return targets;
    }

    /** The related objects' references, in logging order. */
    public List<ObjectRef> relatedRefs() {
        return relatedRefs;
    }

    /** The related entities that still exist, in logging order. */
    public List<Object> related() {
        return related;
    }

    /** Actions are equal when their ids are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Action action && action.id == id;
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
