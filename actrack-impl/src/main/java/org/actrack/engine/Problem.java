package org.actrack.engine;

import org.actrack.ActrackException;

/**
 * Every problem the engine reports, with its stable code. Codes 100–499 belong to the engine (see
 * {@code message-ranges.txt} at the top of the project); a code never changes meaning.
 */
enum Problem {
    VERB_MISSING(101, "The verb is %s; every action needs a verb"),
    VERB_TOO_LONG(102, "The verb '%s' is %d characters long; at most %d fit"),
    NOT_AN_ENTITY(103, "The %s %s (a %s) is not an entity of the persistence unit actrack uses"),
    NO_ID(104, "The %s %s has no id yet; persist it before logging or tracking it"),
    ID_TOO_LONG(105, "The id of the %s %s is %d characters long; at most %d are allowed (setting actrack.id-max-length)"),
    COMPOSITE_ID(106, "The %s %s has a composite id (%s); actrack refers to entities by a single id"),
    UNSUPPORTED_ID_TYPE(107, "The %s %s has an id of type %s; actrack supports String, Long, Integer, Short, BigInteger and UUID ids"),
    NULL_OBJECT(108, "A %s is null"),
    DATA_NOT_JSON(109, "The data entry '%s' (a %s) cannot be written as JSON by JSON-B: %s"),
    NULL_USER(110, "The user is null; trackers and feeds need a user"),
    NOT_USER_TYPE(111, "%s is a %s, but only %s entities may own trackers (setting actrack.user-type)"),
    NOT_AN_ENTITY_CLASS(112, "The class %s is not an entity class of the persistence unit actrack uses"),
    REFERENCE_TOO_LONG(113, "The reference %s is %d characters long; at most %d fit (entity name, '#' and id)"),
    INVALID_CURSOR(114, "The cursor '%s' was not produced by actrack"),
    INVALID_PAGE_SIZE(115, "The page size %d is out of range; it must be 1 to %d"),
    INVALID_GROUPING_DELAY(116, "The grouping delay %d is invalid; use -1 (never group), 0 or a positive number of seconds"),
    OPTION_NOT_ACCEPTED(117, "The option %s is not accepted by %s"),
    VERB_BLANK(118, "A tracked verb is blank in %s; verbs must be non-blank (give none to track every verb)"),
    NO_TRANSACTION(119, "Persistence unit %s uses JTA but no transaction is active; actrack writes only inside a transaction"),
    UNKNOWN_PERSISTENCE_UNIT(120, "No entity manager factory is registered for persistence unit '%s'; known units: %s"),
    DATA_TOO_LONG(122, "The data of the action is %d characters of JSON; at most %d fit"),
    NOT_TRACKABLE(121, "Cannot track %s (a %s): give an entity, an entity class, or an Iterable or array of them");

    private final String code;
    private final String template;

    Problem(int number, String template) {
        this.code = "ACTRACK-" + number;
        this.template = template;
    }

    ActrackException exception(Object... arguments) {
        return new ActrackException(code, String.format(template, arguments));
    }

    ActrackException exception(Throwable cause, Object... arguments) {
        return new ActrackException(code, String.format(template, arguments), cause);
    }
}
