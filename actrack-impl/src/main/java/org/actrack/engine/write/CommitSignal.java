/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.actrack.ObjectRef;
import org.actrack.engine.sql.SqlDialect;

/**
 * Tells the other nodes of a cluster, in the transaction that writes, that actions were stored or a user's
 * trackers changed: PostgreSQL's {@code NOTIFY} on {@link org.actrack.SettingKeys#NOTIFY_CHANNEL}, which the database
 * delivers only if the transaction commits, and once however often a transaction sends the same payload. Other
 * databases have no such signal; there the other nodes read periodically.
 */
public final class CommitSignal {

    /** The payload of "actions were stored". */
    public static final String ACTIONS = "actions";

    /** The payload's start of "these trackers changed", followed by the owner's key. */
    public static final String TRACKERS = "trackers ";

    private final Optional<String> channel;
    private final SqlDialect.Detection dialects;

    public CommitSignal(Optional<String> channel, SqlDialect.Detection dialects) {
        this.channel = channel;
        this.dialects = dialects;
    }

    /** Signals that the transaction stores actions. */
    public void actionsStored(EntityManager em) {
        channel.ifPresent(name -> dialects.of(em).notify(em, name, ACTIONS));
    }

    /** Signals that the transaction changes the trackers of {@code owner}. */
    public void trackersChanged(EntityManager em, ObjectRef owner) {
        channel.ifPresent(name -> dialects.of(em).notify(em, name, TRACKERS + owner.key()));
    }
}
