/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user following an object or a whole entity type: what {@link ActionLog#track} stores and
 * {@link ObjectTrackers} returns, or a {@linkplain ActionLog#temporaryTracker temporary} one that is
 * never stored.
 *
 * <p>A tracker matches an action when its tracked object is the actor, or, unless it is
 * {@linkplain #actorOnly() actor-only}, a target or related object; a whole-type tracker matches any
 * instance of its type; a tracker with verbs matches only actions with one of them.
 *
 * <p>A tracker may carry a {@linkplain #flag() flag} ({@code "liking"}, {@code "watching"}…), as
 * django-activity-stream's {@code Follow.flag}: a user has one tracker per object and flag, and every one of them
 * feeds their feed.
 */
public final class Tracker {

    /** The longest {@linkplain #flag() flag}, in characters. */
    public static final int FLAG_MAX_LENGTH = 64;

    private final Long id;
    private final ObjectRef ownerRef;
    private final Object owner;
    private final ObjectRef trackedRef;
    private final Object tracked;
    private final Set<String> verbs;
    private final boolean actorOnly;
    private final Instant since;
    private final String flag;

    /**
     * Creates a tracker; called by the engine.
     *
     * @param id the stored tracker's id, or {@code null} for a temporary tracker
     * @param ownerRef the owner's reference
     * @param owner the owner entity, or {@code null} when it no longer exists
     * @param trackedRef the tracked object's reference; a whole-type reference for a whole type
     * @param tracked the tracked entity, its class for a whole-type tracker, or {@code null} when it no longer exists
     * @param verbs the verbs tracked, empty for all verbs
     * @param actorOnly whether only actions with the tracked object as actor match
     * @param since when the tracker was created
     * @param flag the tracker's flag, or {@code null} or empty for none
     */
    public Tracker(
            Long id,
            ObjectRef ownerRef,
            Object owner,
            ObjectRef trackedRef,
            Object tracked,
            Set<String> verbs,
            boolean actorOnly,
            Instant since,
            String flag) {
        this.id = id;
        this.ownerRef = Objects.requireNonNull(ownerRef, "ownerRef");
        this.owner = owner;
        this.trackedRef = Objects.requireNonNull(trackedRef, "trackedRef");
        this.tracked = tracked;
        this.verbs = Set.copyOf(verbs);
        this.actorOnly = actorOnly;
        this.since = Objects.requireNonNull(since, "since");
        this.flag = flag == null ? "" : flag;
    }

    /**
     * Creates a tracker without a flag; called by the engine.
     *
     * @param id the stored tracker's id, or {@code null} for a temporary tracker
     * @param ownerRef the owner's reference
     * @param owner the owner entity, or {@code null} when it no longer exists
     * @param trackedRef the tracked object's reference; a whole-type reference for a whole type
     * @param tracked the tracked entity, its class for a whole-type tracker, or {@code null} when it no longer exists
     * @param verbs the verbs tracked, empty for all verbs
     * @param actorOnly whether only actions with the tracked object as actor match
     * @param since when the tracker was created
     */
    public Tracker(
            Long id,
            ObjectRef ownerRef,
            Object owner,
            ObjectRef trackedRef,
            Object tracked,
            Set<String> verbs,
            boolean actorOnly,
            Instant since) {
        this(id, ownerRef, owner, trackedRef, tracked, verbs, actorOnly, since, null);
    }

    /**
     * The stored tracker's id; empty for a temporary tracker.
     *
     * @return the stored tracker's id; empty for a temporary tracker
     */
    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    /**
     * Whether this tracker is temporary (never stored).
     *
     * @return whether this tracker is temporary (never stored)
     */
    public boolean isTemporary() {
        return id == null;
    }

    /**
     * The owner's reference.
     *
     * @return the owner's reference
     */
    public ObjectRef ownerRef() {
        return ownerRef;
    }

    /**
     * The owner entity, empty when it no longer exists.
     *
     * @return the owner entity, empty when it no longer exists
     */
    public Optional<Object> owner() {
        return Optional.ofNullable(owner);
    }

    /**
     * The tracked object's reference; {@link ObjectRef#isWholeType()} for a whole-type tracker.
     *
     * @return the tracked object's reference; {@link ObjectRef#isWholeType()} for a whole-type tracker
     */
    public ObjectRef trackedRef() {
        return trackedRef;
    }

    /**
     * The tracked entity, or its class for a whole-type tracker; empty when the entity no longer exists.
     *
     * @return the tracked entity, or its class for a whole-type tracker; empty when the entity no longer exists
     */
    public Optional<Object> tracked() {
        return Optional.ofNullable(tracked);
    }

    /**
     * The verbs tracked; empty means every verb.
     *
     * @return the verbs tracked; empty means every verb
     */
    public Set<String> verbs() {
        return verbs;
    }

    /**
     * Whether only actions with the tracked object as actor match.
     *
     * @return whether only actions with the tracked object as actor match
     */
    public boolean actorOnly() {
        return actorOnly;
    }

    /**
     * When the tracker was created (for a temporary tracker: the time it starts from).
     *
     * @return when the tracker starts
     */
    public Instant since() {
        return since;
    }

    /**
     * The tracker's flag ({@link Options#flag}), as django-activity-stream's {@code Follow.flag}.
     *
     * @return the flag, or empty for a tracker without one
     */
    public Optional<String> flag() {
        return flag.isEmpty() ? Optional.empty() : Optional.of(flag);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tracker that
                && Objects.equals(id, that.id)
                && ownerRef.equals(that.ownerRef)
                && trackedRef.equals(that.trackedRef)
                && verbs.equals(that.verbs)
                && actorOnly == that.actorOnly
                && since.equals(that.since)
                && flag.equals(that.flag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, ownerRef, trackedRef, verbs, actorOnly, since, flag);
    }

    @Override
    public String toString() {
        return "Tracker[" + (id == null ? "temporary" : id) + ": " + ownerRef + " tracks " + trackedRef
                + (verbs.isEmpty() ? "" : " " + verbs) + (actorOnly ? " as actor" : " in any role")
                + (flag.isEmpty() ? "" : " flagged " + flag) + "]";
    }
}
