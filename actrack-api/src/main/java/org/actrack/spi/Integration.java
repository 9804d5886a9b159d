/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.util.Optional;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.Connected;
import org.actrack.ObjectRef;
import org.actrack.Verb;

/**
 * What integrations (actrack-rest, a messaging bridge, an application's own HTTP layer) need of an {@link ActionLog}
 * and applications do not: {@code log.unwrap(Integration.class)}. Every {@code ActionLog} actrack provides supports
 * it, the injected one and the one {@code Actrack.builder().build()} returns.
 */
public interface Integration {

    /**
     * The handler of a verb: the {@link ActionHandler} qualified {@link Verb @Verb(verb)}, or the default
     * handler when there is none.
     *
     * @param verb the verb
     * @return the handler
     */
    ActionHandler handler(String verb);

    /**
     * Reads for servers that push actions to many readers: the actions stored since a position, and the unread
     * state of many users at once.
     *
     * @return the reads
     */
    Fanout fanout();

    /**
     * The {@link Connected @Connected} entity class of a JPA entity name, for addressing entities from outside
     * Java (a REST path, a message): entities that are not connected are not addressable, so an application
     * decides what may be named by marking it.
     *
     * @param entityName the JPA entity name ({@code @Entity(name)}, by default the simple class name), as in
     *        {@link ObjectRef#type()}
     * @return the class, or empty when no entity of the persistence unit has that name or it is not connected
     *         (on the class or a superclass)
     */
    Optional<Class<?>> connectedType(String entityName);

    /**
     * The entity a reference names, when its type is {@link #connectedType connected}: read by its id (the
     * text converted to the entity's id type), in the caller's transaction when one is active.
     *
     * @param ref the entity name and id as text
     * @return the entity, or empty when the type is not a connected entity, the text is no id of that type (not a
     *         number for a numeric id, say), no row has the id, or the reference names a whole type
     */
    Optional<Object> connectedObject(ObjectRef ref);

    /**
     * The settings the log runs with.
     *
     * @return the settings
     */
    ActrackSettings settings();

    /**
     * Reads actrack's tables once, for health checks and metrics: whether the database answers, and the outbox's
     * events still to deliver (counted up to {@code countUpTo}, so that a huge backlog costs no more than the limit)
     * with the time of the oldest. Never throws for a database that does not answer: the state says so.
     *
     * @param countUpTo the most pending events to count, 1 to 1,000,000
     * @return what the read found
     */
    StorageState storageState(int countUpTo);
}
