/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of a row about one user and one action: an {@link UnreadEntity unread mark} or a {@link ReadMarkEntity
 * read mark}. Not API.
 */
public class OwnerActionKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String ownerKey;
    private Long actionId;

    public OwnerActionKey() {}

    public OwnerActionKey(String ownerKey, Long actionId) {
        this.ownerKey = ownerKey;
        this.actionId = actionId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OwnerActionKey key
                && Objects.equals(key.ownerKey, ownerKey)
                && Objects.equals(key.actionId, actionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ownerKey, actionId);
    }
}
