package org.actrack.engine;

import jakarta.persistence.EntityManager;

/**
 * Where validated actions go. Without CDI they are written at once, in the caller's transaction; the
 * CDI integration replaces this with a request queue that combines and groups before writing.
 */
interface ActionSink {

    /**
     * Takes an action logged in a unit of work.
     *
     * @param em the entity manager of that unit of work, inside its transaction
     * @param action the validated action
     */
    void accept(EntityManager em, PendingAction action);
}
