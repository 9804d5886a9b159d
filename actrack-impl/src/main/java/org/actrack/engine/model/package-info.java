/**
 * actrack's JPA entities, added to the persistence unit actrack writes to by
 * {@code <mapping-file>META-INF/actrack-orm.xml</mapping-file>}; their tables come from the shipped
 * migrations ({@code db/actrack/<database>}). Internal: their shape changes only with a new migration;
 * applications read actions and trackers through {@link org.actrack.ActionLog}.
 */
package org.actrack.engine.model;
