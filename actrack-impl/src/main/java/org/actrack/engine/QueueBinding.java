package org.actrack.engine;

/**
 * Where logged actions gather before they are written: the integration's answer to "which queue
 * belongs to the current transaction or request?". Without one, every action is written at once.
 */
@FunctionalInterface
public interface QueueBinding {

    /** The queue of the current unit of work, or {@code null} to write the action at once. */
    ActionQueue current();
}
