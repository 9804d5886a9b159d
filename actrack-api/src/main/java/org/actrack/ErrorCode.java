/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * Every problem actrack reports, with its stable number: the code of every {@link ActrackException}
 * ({@link ActrackException#code()}), of every deployment error and of every log line at ERROR. A code never
 * changes meaning from one version to the next; new problems get new numbers. The numbers are reserved per
 * module (001–099 settings, 100–499 the engine, 500–899 the CDI integration).
 *
 * <p>Two kinds matter to callers:
 * <ul>
 * <li><b>Bad input or configuration</b> (every code but the retryable ones): thrown before actrack writes
 * anything for the call, and without touching the caller's transaction, which stays usable: catch it and
 * carry on, the rest of the transaction still commits.</li>
 * <li><b>Retryable</b> ({@link #isRetryable()}: {@link #CONCURRENT_CONFLICT}): the database refused the
 * work because of concurrent transactions (a deadlock, a serialization failure, a lock timeout). The
 * transaction cannot commit any more (the database or the persistence provider rolled it back or marked
 * it for rollback); running the whole transaction again normally succeeds. The database's exception is
 * the cause.</li>
 * </ul>
 */
public enum ErrorCode {

    /** A level name that is not one of the configured levels. */
    UNKNOWN_LEVEL(1),
    /** A setting with a value that cannot be used. */
    INVALID_SETTING(2),

    /** A {@code null} or blank verb. */
    VERB_MISSING(101),
    /** A verb longer than the verb column. */
    VERB_TOO_LONG(102),
    /** An object that is not an entity of the persistence unit actrack uses. */
    NOT_AN_ENTITY(103),
    /** An entity that has no id yet. */
    NO_ID(104),
    /** An id longer than {@link SettingKeys#ID_MAX_LENGTH}. */
    ID_TOO_LONG(105),
    /** An entity with a composite id. */
    COMPOSITE_ID(106),
    /** An entity whose id type actrack cannot store. */
    UNSUPPORTED_ID_TYPE(107),
    /** A {@code null} actor, target, related object or object of a query where one is needed. */
    NULL_OBJECT(108),
    /** A data value JSON-B cannot write. */
    DATA_NOT_JSON(109),
    /** A {@code null} user. */
    NULL_USER(110),
    /** A user that is not of the type {@link SettingKeys#USER_TYPE} allows. */
    NOT_USER_TYPE(111),
    /** A class that is not an entity class. */
    NOT_AN_ENTITY_CLASS(112),
    /** An entity name and id too long for a reference. */
    REFERENCE_TOO_LONG(113),
    /**
     * A cursor actrack did not produce for this query: a cursor of another query, an altered or forged one,
     * one signed with another {@link SettingKeys#CURSOR_SECRET}, or one of an older format.
     */
    INVALID_CURSOR(114),
    /** A page size out of range. */
    INVALID_PAGE_SIZE(115),
    /** A grouping delay below -1. */
    INVALID_GROUPING_DELAY(116),
    /** An option given to a call that does not take it. */
    OPTION_NOT_ACCEPTED(117),
    /** A blank tracked verb. */
    VERB_BLANK(118),
    /** A JTA persistence unit used with no transaction active. */
    NO_TRANSACTION(119),
    /** A persistence unit actrack has no entity manager factory for. */
    UNKNOWN_PERSISTENCE_UNIT(120),
    /** Something that cannot be tracked (a string, a number, a map). */
    NOT_TRACKABLE(121),
    /** Data whose JSON is longer than the data column. */
    DATA_TOO_LONG(122),
    /** A level value out of the stored range. */
    LEVEL_OUT_OF_RANGE(123),
    /** A data entry with a {@code null} key. */
    NULL_DATA_KEY(124),
    /** A {@code null} timestamp. */
    NULL_TIMESTAMP(125),
    /** An empty or {@code null} list of log requests, or a {@code null} request in it. */
    NULL_LOG_REQUEST(126),
    /** An entity to track that is not stored (removed, or its transaction never committed). */
    NOT_STORED(127),
    /** A count limit ({@link ActionQuery#countUpTo(int)}) out of range. */
    INVALID_COUNT_LIMIT(128),
    /**
     * The node's connection for other nodes' notifications ({@link org.actrack.spi.Fanout#listen}) could not be opened or broke; the
     * message says why (no driver, authentication, the database went away).
     */
    NOTIFICATIONS_UNAVAILABLE(129),
    /**
     * The database refused the work because of concurrent transactions: a deadlock, a serialization failure
     * or a lock timeout. Retry the whole transaction.
     */
    CONCURRENT_CONFLICT(130, true),
    /** More users than one {@link ActionLog#trackAll} call takes; the message gives the limit. */
    TOO_MANY_USERS(131),
    /** {@link Streams#named} with a name no {@link ActionStream} has; the message lists the streams there are. */
    UNKNOWN_STREAM(132),
    /**
     * A {@linkplain ActionStream custom stream}'s argument of the wrong form, or given several times where the stream
     * takes one; the message names the argument, its value and the form expected.
     */
    INVALID_STREAM_ARGUMENT(133),
    /** A {@linkplain ActionStream custom stream} returned no query; the message names the stream's class. */
    STREAM_WITHOUT_QUERY(134),
    /** A tracker flag ({@link Options#flag}) that is blank or longer than {@value Tracker#FLAG_MAX_LENGTH} characters. */
    INVALID_FLAG(135),
    /**
     * With {@code actrack.outbox=true}, an action whose CloudEvent does not fit the outbox's payload column (15,000
     * characters): too many objects or too much data. Nothing of the call is written.
     */
    EVENT_TOO_LONG(136),
    /**
     * A {@linkplain ReadGrouping read-time grouping} whose time bucket is not a whole number of seconds from 1 second
     * to 366 days.
     */
    INVALID_GROUP_BUCKET(137),
    /** A number of members per group ({@link GroupedQuery#members(int)}) out of its range. */
    INVALID_GROUP_MEMBERS(138),
    /**
     * An action's key of the application ({@link Options#foreignId}) that is blank, longer than
     * {@value LogOption#MAX_FOREIGN_ID_LENGTH} characters, or holds a control character; the message names it.
     */
    INVALID_FOREIGN_ID(139),

    /** {@code @Connected} on a class that is not an entity. */
    CONNECTED_NOT_ENTITY(501),
    /** {@code @Connected} on an entity with a composite id. */
    CONNECTED_COMPOSITE_ID(502),
    /** {@code @Actionable} with a blank verb. */
    BLANK_VERB(503),
    /** An {@code @Actionable} method with several actor parameters. */
    SEVERAL_ACTORS(504),
    /** An {@code @Actionable.Data} parameter with a blank key. */
    BLANK_DATA_KEY(505),
    /** An {@code @Actionable} method with no actor parameter and no {@code CurrentActor} bean. */
    NO_ACTOR(506),
    /** An {@code @Actionable} level name that is not a configured level. */
    UNKNOWN_ACTIONABLE_LEVEL(507),
    /** A handler qualified with a blank verb. */
    BLANK_HANDLER_VERB(508),
    /** Several handlers for one verb. */
    DUPLICATE_HANDLERS(509),
    /** No entity manager for a persistence unit actrack is told to use. */
    NO_ENTITY_MANAGER(510),
    /** No longer reported (writing a request's queue failed and its actions were lost): see {@link #REQUEST_QUEUE_UNWRITTEN}. */
    FLUSH_FAILED(511),
    /** {@code returnValueIsTarget} on a method that returns nothing. */
    VOID_RETURN_TARGET(512),
    /**
     * Writing the actions a request queued failed, also after retrying: they are handed to the observers of
     * {@link UnwrittenActions} and logged at ERROR with their content.
     */
    REQUEST_QUEUE_UNWRITTEN(513),

    /**
     * The persistence unit actrack writes to does not list actrack's entities: its {@code persistence.xml}
     * lacks {@code <mapping-file>META-INF/actrack-orm.xml</mapping-file>}. A deployment error naming the unit.
     */
    MAPPING_MISSING(514),
    /**
     * The application declares several persistence units and has not said which one actrack writes to: set
     * {@code actrack.persistence-unit}, or produce an {@code EntityManager} qualified
     * {@link ActrackPersistence}. A deployment error naming the units.
     */
    PERSISTENCE_UNIT_NOT_CHOSEN(515),
    /**
     * {@code actrack.persistence-unit} names a unit that none of the application's {@code persistence.xml}
     * files declares. A deployment error naming the value and the declared units.
     */
    UNKNOWN_CONFIGURED_UNIT(516),
    /**
     * An observer of {@link UnwrittenActions} threw: the actions it was handed may be lost. Logged at ERROR with the
     * observer's exception, after the actions themselves ({@link #REQUEST_QUEUE_UNWRITTEN}).
     */
    UNWRITTEN_OBSERVER_FAILED(517),
    /** An {@link ActionStream} bean qualified with a name that is not {@value ActionStream#NAME_SYNTAX}. */
    INVALID_STREAM_NAME(518),
    /** Several {@link ActionStream} beans with one {@link StreamName}. */
    DUPLICATE_STREAMS(519),
    /** An {@link ActionStream} bean without {@link StreamName}, or a {@code @StreamName} bean that is no stream. */
    STREAM_NOT_NAMED(520),
    /**
     * An outbox event had its last delivery attempt ({@code actrack.outbox.max-attempts}) and is left aside as dead in
     * {@code actrack_outbox}; logged at ERROR naming the event and its subject.
     */
    OUTBOX_EVENT_DEAD(521),
    /** Several {@link org.actrack.spi.ActionExporter} beans: the outbox relay feeds one. A deployment error naming them. */
    DUPLICATE_EXPORTERS(522);

    private final int number;
    private final boolean retryable;

    ErrorCode(int number) {
        this(number, false);
    }

    ErrorCode(int number, boolean retryable) {
        this.number = number;
        this.retryable = retryable;
    }

    /**
     * The number, for example 103.
     *
     * @return the number, for example 103
     */
    public int number() {
        return number;
    }

    /**
     * The code as it starts every message, for example {@code ACTRACK-103}.
     *
     * @return the code as it starts every message, for example {@code ACTRACK-103}
     */
    public String text() {
        return String.format("ACTRACK-%03d", number);
    }

    /**
     * Whether running the transaction again may succeed: the problem came from concurrent transactions,
     * not from the input.
     *
     * @return whether running the transaction again may succeed: the problem came from concurrent transactions, not from the input
     */
    public boolean isRetryable() {
        return retryable;
    }

    @Override
    public String toString() {
        return text();
    }
}
