/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The columns of a row about one user and one action, keyed by both ({@link OwnerActionKey}): an {@link UnreadEntity
 * unread mark} or a {@link ReadMarkEntity read mark}, each with the action's time copied. Not API.
 */
@MappedSuperclass
public abstract class OwnerActionRow {

    @Id
    @Column(name = "owner_key", nullable = false, length = ActionReferenceEntity.KEY_LENGTH)
    private String ownerKey;

    @Id
    @Column(name = "action_id", nullable = false)
    private Long actionId;

    /** The action's time, copied: ranges of a user's rows by time read it from an index. */
    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "action_time", nullable = false)
    private Instant actionTime;

    protected OwnerActionRow() {}

    protected OwnerActionRow(String ownerKey, Long actionId, Instant actionTime) {
        this.ownerKey = ownerKey;
        this.actionId = actionId;
        this.actionTime = actionTime;
    }

    public String getOwnerKey() {
        return ownerKey;
    }

    public Long getActionId() {
        return actionId;
    }
}
