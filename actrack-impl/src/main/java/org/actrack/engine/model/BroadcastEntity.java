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
 * One action unread by position ({@link org.actrack.ActionHandler#unreadByPosition()}): written instead of one
 * {@link UnreadEntity} per follower, when the action is written. Whom it is unread for is read from the trackers, the
 * users' read positions ({@code actrack_tracker_owner.read_at}) and their {@link ReadMarkEntity read marks}. Not API.
 *
 * <p>{@code actrack_broadcast_time_ix (action_time, action_id)} serves reading the broadcast actions after a read
 * position as one range.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackBroadcast")
@Table(
        name = "actrack_broadcast",
        indexes = @Index(name = "actrack_broadcast_time_ix", columnList = "action_time, action_id"))
public class BroadcastEntity {

    @Id
    @Column(name = "action_id", nullable = false)
    private Long actionId;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "action_time", nullable = false)
    private Instant actionTime;

    protected BroadcastEntity() {}

    public BroadcastEntity(Long actionId, Instant actionTime) {
        this.actionId = actionId;
        this.actionTime = actionTime;
    }

    public Long getActionId() {
        return actionId;
    }
}
