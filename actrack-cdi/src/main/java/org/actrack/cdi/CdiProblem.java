/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;

/**
 * Every problem the CDI integration reports, with its stable code (500–899, see
 * {@code message-ranges.txt}). Definition and deployment errors name the class or method at fault.
 */
enum CdiProblem {
    CONNECTED_NOT_ENTITY(ErrorCode.CONNECTED_NOT_ENTITY, "@Connected is on %s, which is not a JPA @Entity"),
    CONNECTED_COMPOSITE_ID(
            ErrorCode.CONNECTED_COMPOSITE_ID,
            "@Connected entity %s has a composite id (%s); actrack refers to entities by a single id"),
    BLANK_VERB(ErrorCode.BLANK_VERB, "@Actionable on %s has a blank verb"),
    SEVERAL_ACTORS(
            ErrorCode.SEVERAL_ACTORS,
            "@Actionable method %s has %d parameters marked @Actionable.Actor; at most one is allowed"),
    BLANK_DATA_KEY(
            ErrorCode.BLANK_DATA_KEY, "@Actionable method %s has an @Actionable.Data parameter with a blank key"),
    NO_ACTOR(
            ErrorCode.NO_ACTOR,
            "@Actionable method %s has no @Actionable.Actor parameter and the application has no CurrentActor bean"),
    UNKNOWN_LEVEL(
            ErrorCode.UNKNOWN_ACTIONABLE_LEVEL, "@Actionable method %s names the level '%s', which is not one of %s"),
    BLANK_HANDLER_VERB(ErrorCode.BLANK_HANDLER_VERB, "Action handler %s is qualified @Verb with a blank verb"),
    DUPLICATE_HANDLERS(ErrorCode.DUPLICATE_HANDLERS, "Several action handlers for the verb '%s': %s; keep one"),
    INVALID_STREAM_NAME(
            ErrorCode.INVALID_STREAM_NAME, "Action stream %s is qualified @StreamName(\"%s\"); a stream's name is %s"),
    OUTBOX_EVENT_DEAD(
            ErrorCode.OUTBOX_EVENT_DEAD,
            "The outbox event %s failed its last delivery attempt (%d) and is left aside as dead (subject %s): see"
                    + " actrack_outbox.last_error; set its state to PENDING to try again"),
    DUPLICATE_EXPORTERS(
            ErrorCode.DUPLICATE_EXPORTERS, "Several ActionExporter beans: %s; the outbox relay feeds one, keep one"),
    DUPLICATE_STREAMS(ErrorCode.DUPLICATE_STREAMS, "Several action streams are named '%s': %s; keep one"),
    STREAM_NOT_NAMED(ErrorCode.STREAM_NOT_NAMED, "%s %s; qualify an ActionStream bean with @StreamName(\"name\")"),
    NO_ENTITY_MANAGER(
            ErrorCode.NO_ENTITY_MANAGER,
            "No EntityManager qualified @ActrackPersistence(\"%s\") is available for persistence unit '%s'; produce one"),
    NO_DEFAULT_ENTITY_MANAGER(
            ErrorCode.NO_ENTITY_MANAGER,
            "No entity manager for actrack's persistence unit %s: the server injected"
                    + " none, no persistence context reference of the application's could be looked up (tried: %s), and the application"
                    + " has no @Default EntityManager bean; produce one qualified @ActrackPersistence"),
    REQUEST_QUEUE_UNWRITTEN(
            ErrorCode.REQUEST_QUEUE_UNWRITTEN,
            "Writing the %d actions queued in this request failed %d times;"
                    + " they are handed to the observers of UnwrittenActions: %s"),
    UNWRITTEN_OBSERVER_FAILED(
            ErrorCode.UNWRITTEN_OBSERVER_FAILED,
            "An observer of UnwrittenActions failed with the %d actions" + " it was handed; they may be lost"),
    VOID_RETURN_TARGET(
            ErrorCode.VOID_RETURN_TARGET, "@Actionable method %s sets returnValueIsTarget but returns nothing"),
    MAPPING_MISSING(
            ErrorCode.MAPPING_MISSING,
            "The persistence unit '%s' (%s), which actrack writes to, does not list actrack's"
                    + " entities: add %s to it"),
    PERSISTENCE_UNIT_NOT_CHOSEN(
            ErrorCode.PERSISTENCE_UNIT_NOT_CHOSEN,
            "The application declares several persistence units %s and"
                    + " actrack does not know which one to write to: name it in the MicroProfile Config key actrack.persistence-unit, or"
                    + " produce an EntityManager qualified @ActrackPersistence"),
    UNKNOWN_CONFIGURED_UNIT(
            ErrorCode.UNKNOWN_CONFIGURED_UNIT,
            "actrack.persistence-unit is '%s', which is not a persistence unit"
                    + " of the application; its persistence.xml files declare %s");

    private final ErrorCode code;
    private final String template;

    CdiProblem(ErrorCode code, String template) {
        this.code = code;
        this.template = template;
    }

    String message(Object... arguments) {
        return code.text() + ": " + String.format(template, arguments);
    }

    DefinitionException definitionError(Object... arguments) {
        return new DefinitionException(message(arguments));
    }

    DeploymentException deploymentProblem(Object... arguments) {
        return new DeploymentException(message(arguments));
    }

    ActrackException exception(Object... arguments) {
        return new ActrackException(code, String.format(template, arguments));
    }
}
