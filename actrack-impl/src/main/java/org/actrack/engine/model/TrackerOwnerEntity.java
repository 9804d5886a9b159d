/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One row per user that has ever owned a tracker: the row {@code track} and {@code untrack} lock (inserting
 * it the first time) before they read and change the user's trackers, so that concurrent calls for the same
 * user run one after the other and never insert the same tracker twice. Each lock also stamps {@code changed_at}, so
 * that other nodes find the users whose trackers changed since a time with one statement
 * ({@link org.actrack.spi.Fanout#trackersChangedSince}). Not API.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackTrackerOwner")
@Table(
        name = "actrack_tracker_owner",
        indexes = @Index(name = "actrack_tracker_owner_changed_ix", columnList = "changed_at"))
public class TrackerOwnerEntity {

    @Id
    @Column(name = "owner_key", nullable = false, length = ActionReferenceEntity.KEY_LENGTH)
    private String ownerKey;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "changed_at")
    private Instant changedAt;

    /** The user's seen position: the unread actions after it are unseen; {@code null} before the first mark. */
    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "seen_at")
    private Instant seenAt;

    /**
     * The user's read position: the actions {@linkplain org.actrack.ActionHandler#unreadByPosition() unread by position}
     * at or before it are read; {@code null} before the user first marked all read.
     */
    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "read_at")
    private Instant readAt;

    protected TrackerOwnerEntity() {}

    public TrackerOwnerEntity(String ownerKey) {
        this.ownerKey = ownerKey;
    }

    public String getOwnerKey() {
        return ownerKey;
    }
}
