/**
 * actrack's JPA entities. List them in the persistence unit actrack writes to (or reference the
 * actrack-impl jar with {@code <jar-file>}). Internal: their shape may change between versions;
 * applications read actions and trackers through {@link org.actrack.ActionLog}.
 */
package org.actrack.engine.model;
