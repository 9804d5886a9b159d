/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * A user's trackers changed ({@link ActionLog#track} or {@link ActionLog#untrack}), as the CDI integration announces
 * it with an event once the transaction has committed, on the node that made the change:
 * <pre>{@code
 * void onChange(@Observes TrackersChanged changed) { … }   // runs after commit, never for rolled-back work
 * }</pre>
 * actrack-rest's live feeds re-read that user's trackers when it fires; other nodes learn of the change through
 * PostgreSQL's {@code NOTIFY} ({@link SettingKeys#NOTIFY_CHANNEL}).
 *
 * @param owner the user whose trackers changed
 */
public record TrackersChanged(ObjectRef owner) {}
