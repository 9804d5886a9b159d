/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One {@link BroadcastEntity action unread by position} that one user read one by one, after their read position: the
 * inverse of an {@link UnreadEntity}. Marking all read moves the position and deletes the marks it passed. Not API.
 *
 * <p>The primary key {@code (owner_key, action_id)} serves looking a user's marks up;
 * {@code actrack_read_mark_action_ix (action_id)} removing an action's marks when the action is deleted.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackReadMark")
@Table(name = "actrack_read_mark", indexes = @Index(name = "actrack_read_mark_action_ix", columnList = "action_id"))
@IdClass(OwnerActionKey.class)
public class ReadMarkEntity extends OwnerActionRow {

    protected ReadMarkEntity() {}

    public ReadMarkEntity(String ownerKey, Long actionId, Instant actionTime) {
        super(ownerKey, actionId, actionTime);
    }
}
