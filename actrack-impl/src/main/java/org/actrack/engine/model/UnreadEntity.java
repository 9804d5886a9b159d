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
 * One action unread by one user: written when the action is written, for every user one of whose
 * trackers matches it (spec §0.4), deleted when the user reads it. Not API.
 *
 * <p>{@code actrack_unread_owner_ix (owner_key, action_time, action_id)}, declared as an index of its own (providers
 * order the primary key columns of an {@code @IdClass} as they like: EclipseLink makes it {@code (action_id,
 * owner_key)}; and a unique constraint on the same columns may reuse the primary key's index, as H2 does), serves a user's unread count, mark-all-read and the unread filter of feeds, and with the action's time copied into
 * each mark ({@code action_time}) the unseen count as a range of it;
 * {@code actrack_unread_action_ix (action_id)} serves removing an action's marks when the action is
 * combined away or deleted.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackUnread")
@Table(
        name = "actrack_unread",
        indexes = {
            @Index(name = "actrack_unread_owner_ix", columnList = "owner_key, action_time, action_id"),
            @Index(name = "actrack_unread_action_ix", columnList = "action_id")
        })
@IdClass(OwnerActionKey.class)
public class UnreadEntity extends OwnerActionRow {

    protected UnreadEntity() {}

    public UnreadEntity(String ownerKey, Long actionId, Instant actionTime) {
        super(ownerKey, actionId, actionTime);
    }
}
