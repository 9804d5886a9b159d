/**
 * actrack's engine: the JPA mapping, validation, writing, tracking and queries, without CDI.
 *
 * <p>The one type here for applications is {@link org.actrack.engine.Actrack}, which builds an
 * {@link org.actrack.ActionLog} outside CDI. Everything else is internal, even when public (for actrack-cdi):
 * it is not API and may change in any release. The API is {@code org.actrack} and {@code org.actrack.spi}.
 *
 * <p>Arranged by job: this package wires the engine ({@link org.actrack.engine.Actrack},
 * {@code EngineActionLog}) and holds what every job uses: validation of what is logged and
 * tracked ({@link org.actrack.engine.ActionRequests}, {@link org.actrack.engine.EntityReferences}), the errors
 * ({@link org.actrack.engine.Problem}), the entity manager and transaction of a call
 * ({@link org.actrack.engine.UnitOfWork}). Writing is in {@link org.actrack.engine.write}; trackers and unread marks
 * in {@link org.actrack.engine.tracking}; deleted items and retention in {@link org.actrack.engine.history}; reading
 * in {@link org.actrack.engine.read}; what differs between databases and JPA providers, and plain JDBC, in
 * {@link org.actrack.engine.sql}; the JPA mapping of actrack's tables in {@code org.actrack.engine.model}.
 */
package org.actrack.engine;
