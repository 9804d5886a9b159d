/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import org.actrack.ActrackException;
import org.actrack.ErrorCode;

/**
 * The message of every problem the engine reports, with its stable {@link ErrorCode} (100–499, see
 * {@code message-ranges.txt} at the top of the project); a code never changes meaning.
 */
public enum Problem {
    VERB_MISSING(ErrorCode.VERB_MISSING, "The verb is %s; every action needs a verb"),
    VERB_TOO_LONG(ErrorCode.VERB_TOO_LONG, "The verb '%s' is %d characters long; at most %d fit"),
    NOT_AN_ENTITY(ErrorCode.NOT_AN_ENTITY, "The %s %s (a %s) is not an entity of the persistence unit actrack uses"),
    NO_ID(ErrorCode.NO_ID, "The %s %s has no id yet; persist it before logging or tracking it"),
    ID_TOO_LONG(
            ErrorCode.ID_TOO_LONG,
            "The id of the %s %s is %d characters long; at most %d are allowed (setting actrack.id-max-length)"),
    COMPOSITE_ID(
            ErrorCode.COMPOSITE_ID, "The %s %s has a composite id (%s); actrack refers to entities by a single id"),
    UNSUPPORTED_ID_TYPE(
            ErrorCode.UNSUPPORTED_ID_TYPE,
            "The %s %s has an id of type %s; actrack supports String, Long, Integer, Short, BigInteger and UUID ids"),
    NULL_OBJECT(ErrorCode.NULL_OBJECT, "The %s is null"),
    DATA_NOT_JSON(ErrorCode.DATA_NOT_JSON, "The data entry '%s' (a %s) cannot be written as JSON by JSON-B: %s"),
    NULL_USER(ErrorCode.NULL_USER, "The user is null; trackers and feeds need a user"),
    NOT_USER_TYPE(
            ErrorCode.NOT_USER_TYPE, "%s is a %s, but only %s entities may own trackers (setting actrack.user-type)"),
    NOT_AN_ENTITY_CLASS(
            ErrorCode.NOT_AN_ENTITY_CLASS, "The class %s is not an entity class of the persistence unit actrack uses"),
    REFERENCE_TOO_LONG(
            ErrorCode.REFERENCE_TOO_LONG,
            "The reference %s is %d characters long; at most %d fit (entity name, '#' and id)"),
    INVALID_CURSOR(ErrorCode.INVALID_CURSOR, "The cursor '%s' was not produced by actrack for this query: %s"),
    INVALID_PAGE_SIZE(ErrorCode.INVALID_PAGE_SIZE, "The page size %d is out of range; it must be 1 to %d"),
    INVALID_GROUP_MEMBERS(
            ErrorCode.INVALID_GROUP_MEMBERS, "The number of members per group %d is out of range; it must be 1 to %d"),
    INVALID_COUNT_LIMIT(ErrorCode.INVALID_COUNT_LIMIT, "The count limit %d is out of range; it must be 1 to %d"),
    INVALID_GROUPING_DELAY(
            ErrorCode.INVALID_GROUPING_DELAY,
            "The grouping delay %d is invalid; use -1 (never group), 0 or a positive number of seconds"),
    OPTION_NOT_ACCEPTED(ErrorCode.OPTION_NOT_ACCEPTED, "The option %s is not accepted by %s"),
    VERB_BLANK(
            ErrorCode.VERB_BLANK,
            "A tracked verb is blank in %s; verbs must be non-blank (give none to track every verb)"),
    NO_TRANSACTION(
            ErrorCode.NO_TRANSACTION,
            "Persistence unit %s uses JTA but no transaction is active; actrack writes only inside a transaction"),
    UNKNOWN_PERSISTENCE_UNIT(
            ErrorCode.UNKNOWN_PERSISTENCE_UNIT,
            "No entity manager factory is registered for persistence unit '%s'; known units: %s"),
    DATA_TOO_LONG(ErrorCode.DATA_TOO_LONG, "The data of the action is %d characters of JSON; at most %d fit"),
    NOT_TRACKABLE(
            ErrorCode.NOT_TRACKABLE,
            "Cannot track %s (a %s): give an entity, an entity class, or an Iterable or array of them"),
    NULL_LOG_REQUEST(ErrorCode.NULL_LOG_REQUEST, "%s"),
    NULL_PRUNE_TIME(
            ErrorCode.NULL_TIMESTAMP,
            "The time to prune before is null; give the instant before which actions are deleted"),
    NOT_STORED(
            ErrorCode.NOT_STORED,
            "The %s %s (%s) is not stored: it was removed, or the transaction that persisted it"
                    + " has not committed"),
    TOO_MANY_USERS(
            ErrorCode.TOO_MANY_USERS,
            "%d users were given to track at once; one call takes at most %d: split them into several calls"),
    INVALID_FOREIGN_ID(
            ErrorCode.INVALID_FOREIGN_ID,
            "The action's foreign id %s is %s; a foreign id is 1 to %d characters, not blank, without control characters"),
    INVALID_FLAG(ErrorCode.INVALID_FLAG, "The tracker flag '%s' is %s; a flag is 1 to %d characters, not blank"),
    EVENT_TOO_LONG(
            ErrorCode.EVENT_TOO_LONG,
            "The outbox event of action %d is %d characters long; at most %d fit in actrack_outbox.payload: the action"
                    + " has too many objects or too much data to be exported"),
    UNKNOWN_STREAM(ErrorCode.UNKNOWN_STREAM, "No stream is named '%s'; %s"),
    STREAM_WITHOUT_QUERY(
            ErrorCode.STREAM_WITHOUT_QUERY, "The stream '%s' (%s) returned no query; a stream returns an ActionQuery"),
    CONCURRENT_CONFLICT(
            ErrorCode.CONCURRENT_CONFLICT,
            "The database refused %s because of concurrent transactions (%s);"
                    + " this transaction cannot commit: run it again");

    private final ErrorCode code;
    private final String template;

    Problem(ErrorCode code, String template) {
        this.code = code;
        this.template = template;
    }

    public ActrackException exception(Object... arguments) {
        return new ActrackException(code, String.format(template, arguments));
    }

    public ActrackException exception(Throwable cause, Object... arguments) {
        return new ActrackException(code, String.format(template, arguments), cause);
    }
}
