/**
 * What integrators use and replace: how actrack obtains its entity managers ({@link org.actrack.spi.EntityManagerSource}),
 * the current actor, removal observers, and what integrations read of an {@link org.actrack.ActionLog} through
 * {@code log.unwrap(Integration.class)} ({@link org.actrack.spi.Integration}, {@link org.actrack.spi.Fanout}).
 * Types here are stable; new methods come with default implementations.
 */
package org.actrack.spi;
