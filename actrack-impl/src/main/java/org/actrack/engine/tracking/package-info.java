/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * <strong>Internal:</strong> trackers and the unread marks they make. Not API, and may change in any release,
 * although some of its types are public (the engine builds them from other packages).
 *
 * <ul>
 * <li>{@link org.actrack.engine.tracking.Tracking}: {@code track}, {@code untrack} and temporary trackers, one call of
 * the application each ({@link org.actrack.engine.tracking.TrackRequest}), under the per-user lock.</li>
 * <li>{@link org.actrack.engine.tracking.TrackerRow}: the trackers that match an action, as the feed and the unread
 * marks read them.</li>
 * <li>{@link org.actrack.engine.tracking.UnreadMarks}: every statement of unread state: the marks new actions make,
 * reading, counting and marking read.</li>
 * </ul>
 */
package org.actrack.engine.tracking;
