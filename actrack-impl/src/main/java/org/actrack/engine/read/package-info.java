/**
 * <strong>Internal:</strong> how the engine reads: queries of actions (streams, feeds, filters, keyset pages and their
 * signed cursors), loading a page of actions with their references and objects in a few statements, trackers as seen
 * from a user or an object, and the fan-out reads of live feeds. Not API, and may change in any release, although its
 * types are public (the engine builds them from {@code org.actrack.engine}).
 *
 * <ul>
 * <li>{@link org.actrack.engine.read.ActionQueryImpl}: an {@link org.actrack.ActionQuery}, with
 * {@link org.actrack.engine.read.ActionSelection} (its SQL), {@link org.actrack.engine.read.ActionFilters},
 * {@link org.actrack.engine.read.Match} and {@link org.actrack.engine.read.Keyset} with
 * {@link org.actrack.engine.read.CursorSigner}.</li>
 * <li>{@link org.actrack.engine.read.ActionLoader}: a page of actions with their references in one statement, their
 * objects resolved by {@link org.actrack.engine.read.ReferenceResolver}, as
 * {@link org.actrack.engine.read.StoredAction}s.</li>
 * <li>{@link org.actrack.engine.read.TrackerQueryImpl}: a {@link org.actrack.TrackerQuery}.</li>
 * <li>{@link org.actrack.engine.read.EngineFanout} and {@link org.actrack.engine.read.PostgresNotifications}: what
 * servers of live feeds read ({@link org.actrack.spi.Fanout}).</li>
 * </ul>
 */
package org.actrack.engine.read;
