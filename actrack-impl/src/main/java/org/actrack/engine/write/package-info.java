/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * <strong>Internal:</strong> how the engine writes what is logged. Not API, and may change in any release, although
 * some of its types are public (the engine and actrack-cdi build them from other packages).
 *
 * <ul>
 * <li>{@link org.actrack.engine.write.PendingAction}: a validated action not yet stored.</li>
 * <li>{@link org.actrack.engine.write.ActionQueue}, bound to a request or a transaction by
 * {@link org.actrack.engine.write.QueueBinding}, and {@link org.actrack.engine.write.ActionSink}, which logging goes
 * through: now, or queued until a flush or the commit.</li>
 * <li>{@link org.actrack.engine.write.QueueProcessor}: a queue's actions placed, combined
 * ({@link org.actrack.engine.write.ActionMerge}) and grouped ({@link org.actrack.engine.write.GroupingRule}, the one
 * grouping rule, in Java and in JPQL), then written by {@link org.actrack.engine.write.ActionWriter} with ids from
 * {@link org.actrack.engine.write.IdBlocks}.</li>
 * <li>{@link org.actrack.engine.write.CommitSignal}: what a commit tells live feeds.</li>
 * </ul>
 */
package org.actrack.engine.write;
