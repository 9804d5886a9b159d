/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * <strong>Internal:</strong> history that outlives its objects, and its end. Not API, and may change in any release,
 * although some of its types are public (the engine and the JPA mapping use them from other packages).
 *
 * <ul>
 * <li>{@link org.actrack.engine.history.RemovalListener}: the JPA entity listener that hears of removed entities
 * (EclipseLink's orphan removals reach it through the provider seam).</li>
 * <li>{@link org.actrack.engine.history.Deletions}: a removed object's references re-pointed at its deleted item, or
 * its actions deleted; {@link org.actrack.engine.history.RemovedObjects}: objects the current transaction removed, as
 * logging meets them.</li>
 * <li>{@link org.actrack.engine.history.Retention} with {@link org.actrack.engine.history.ActionDeletion}:
 * {@code prune}, and deleting actions with their references and unread marks.</li>
 * </ul>
 */
package org.actrack.engine.history;
