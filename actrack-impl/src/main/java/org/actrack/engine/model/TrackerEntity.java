/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A stored tracker: an owner following one object, or a whole entity type when {@code tracked_id} is
 * null. Not API: applications use {@link org.actrack.Tracker}.
 *
 * <p>Indexes and the queries they serve:
 * <ul>
 * <li>{@code actrack_tracker_uk (owner_key, tracked_key, flag)}: one tracker per owner, tracked object and flag
 * (spec 0.9), and every query starting from the owner (owned trackers, the trackers of a feed).</li>
 * <li>{@code actrack_tracker_tracked_ix (tracked_key)}: trackers tracking an object (tracking, users),
 * and finding who tracks the objects of a new action.</li>
 * </ul>
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackTracker")
@Table(
        name = "actrack_tracker",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "actrack_tracker_uk",
                        columnNames = {"owner_key", "tracked_key", "flag"}),
        indexes = @Index(name = "actrack_tracker_tracked_ix", columnList = "tracked_key"))
public class TrackerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actrack_tracker_seq")
    @SequenceGenerator(name = "actrack_tracker_seq", sequenceName = "actrack_tracker_seq", allocationSize = 50)
    private Long id;

    @Column(name = "owner_type", nullable = false, length = 255)
    private String ownerType;

    @Column(name = "owner_id", nullable = false, length = 255)
    private String ownerId;

    @Column(name = "owner_key", nullable = false, length = ActionReferenceEntity.KEY_LENGTH)
    private String ownerKey;

    @Column(name = "tracked_type", nullable = false, length = 255)
    private String trackedType;

    @Column(name = "tracked_id", length = 255)
    private String trackedId;

    @Column(name = "tracked_key", nullable = false, length = ActionReferenceEntity.KEY_LENGTH)
    private String trackedKey;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "actrack_tracker_verb", joinColumns = @JoinColumn(name = "tracker_id"))
    @Column(name = "verb", nullable = false, length = ActionEntity.VERB_LENGTH)
    private Set<String> verbs = new LinkedHashSet<>();

    @Column(name = "actor_only", nullable = false)
    private boolean actorOnly;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The flag, empty for none: part of the unique key, so not nullable (NULLs would never be equal there). */
    @Column(name = "flag", nullable = false, length = 64)
    private String flag = "";

    protected TrackerEntity() {}

    public TrackerEntity(
            String ownerType,
            String ownerId,
            String ownerKey,
            String trackedType,
            String trackedId,
            String trackedKey,
            Set<String> verbs,
            boolean actorOnly,
            Instant createdAt,
            String flag) {
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.ownerKey = ownerKey;
        this.trackedType = trackedType;
        this.trackedId = trackedId;
        this.trackedKey = trackedKey;
        this.verbs = new LinkedHashSet<>(verbs);
        this.actorOnly = actorOnly;
        this.createdAt = createdAt;
        this.flag = flag;
    }

    public String getFlag() {
        return flag;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerKey() {
        return ownerKey;
    }

    public String getOwnerType() {
        return ownerType;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getTrackedType() {
        return trackedType;
    }

    public String getTrackedId() {
        return trackedId;
    }

    public Set<String> getVerbs() {
        return verbs;
    }

    public void setVerbs(Set<String> verbs) {
        this.verbs.clear();
        this.verbs.addAll(verbs);
    }

    public boolean isActorOnly() {
        return actorOnly;
    }

    public void setActorOnly(boolean actorOnly) {
        this.actorOnly = actorOnly;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
