/**
 * <strong>Internal:</strong> what differs between databases and between JPA providers, and how the engine reaches
 * JDBC. Not API, and may change in any release, although its types are public (the engine uses them from
 * {@code org.actrack.engine}).
 *
 * <ul>
 * <li>{@link org.actrack.engine.sql.SqlDialect}: the few statements that differ between PostgreSQL, MariaDB and H2
 * (inserting and locking a tracker owner, share-locking the trackers a new unread mark matches, binding a list of
 * values, {@code NOTIFY}), recognised once per persistence unit.</li>
 * <li>{@link org.actrack.engine.sql.ProviderHooks}: the one seam between the engine and a JPA provider (EclipseLink,
 * Hibernate ORM), with the provider's own classes beside it ({@code EclipseLink…}, {@code Hibernate…}), loaded only
 * for that provider's units.</li>
 * <li>{@link org.actrack.engine.sql.JdbcRows} and {@link org.actrack.engine.sql.JdbcBatch}: plain JDBC reads and
 * batches on the connection the seam lends.</li>
 * </ul>
 */
package org.actrack.engine.sql;
