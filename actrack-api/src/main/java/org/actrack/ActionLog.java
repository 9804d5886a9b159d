/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;

/**
 * The entry point of actrack: record actions, manage trackers and read what happened.
 *
 * <p>An <em>action</em> is one actor (any JPA entity, or none), a verb, any number of
 * <em>targets</em> and <em>related</em> objects (JPA entities), a level, free JSON data and a
 * timestamp. A <em>tracker</em> is owned by a user (any entity, or only the entity type named by
 * {@link SettingKeys#USER_TYPE}) and follows one object or a whole entity type; the <em>feed</em> of
 * a user is every action matching that user's trackers, newest first.
 *
 * <p>In a CDI application inject it ({@code @Inject ActionLog log}); without CDI build one with
 * {@code org.actrack.engine.Actrack.builder()} from actrack-impl. Implementations are thread-safe.
 *
 * <h2>Transactions</h2>
 * Every write ({@link #log}, {@link #track}, {@link #untrack}) joins the transaction active on the
 * entity manager actrack writes with (see {@link org.actrack.spi.EntityManagerSource}), so it commits
 * or rolls back with the caller's work; with no transaction active it runs in a transaction of its own.
 *
 * <p>Logged actions are handed to the persistence context without flushing it: their rows go to the
 * database together when it next flushes (at the latest at commit), in JDBC batches where the provider
 * batches (EclipseLink: {@code eclipselink.jdbc.batch-writing=JDBC}; Hibernate:
 * {@code hibernate.jdbc.batch_size}). Tracking, untracking, marking read and removals flush before they
 * return.
 *
 * <h2>Concurrency</h2>
 * Any number of transactions may log, track and mark read at once. Grouping into a stored action locks it
 * until the transaction ends (a second transaction grouping into the same action waits, then merges into
 * what the first left: no contribution is lost); {@code track} and {@code untrack} of one user run one
 * after the other, so concurrent calls for the same pair all get the one stored tracker. Locks are taken
 * in a fixed order within a call. A deadlock, serialization failure or lock timeout the database still
 * reports (for example between two transactions that each grouped into actions the other then needs)
 * reaches the caller as an {@link ActrackException} whose {@link ActrackException#isRetryable()} is true:
 * run the transaction again.
 *
 * <h2>Errors</h2>
 * Bad input (a blank verb, an object that is not an entity or has no id yet, an id longer than
 * {@link SettingKeys#ID_MAX_LENGTH}, a composite id, an unknown level, data JSON-B cannot write, a null
 * user) raises an {@link ActrackException} naming the problem before anything is written, and leaves the
 * caller's transaction usable: the caller may catch it and still commit its other work. The codes are
 * listed in {@link ErrorCode}.
 *
 * <h2>The methods, by noun</h2>
 * Writing: {@link #log}, {@link #logAll}. Following: {@link #track}, {@link #trackAll}, {@link #untrack},
 * {@link #temporaryTracker}.
 * Reading: {@link #action}, {@link #actions(Object)} (an object's streams and a user's feed), {@link #trackers(Object)},
 * {@link #trackedBy}, {@link #streams()}. Unread state: {@link #unread(Object)}. Rendering: {@link #render},
 * {@link #renderAll}. Retention and removals: {@link #history()}. Integrations: {@link #unwrap} to
 * {@link org.actrack.spi.Integration}.
 *
 * @see ObjectActions
 * @see ObjectTrackers
 * @see Unread
 * @see History
 * @see Streams
 */
public interface ActionLog {

    /**
     * Logs that {@code actor} did {@code verb}.
     *
     * <p>Example: {@code log(user, "arrived", targets(train), related(station), data("delay", 5))}
     * with the options of {@link LogOption} imported statically.
     *
     * @param actor the entity that acted; {@code null} for an action without an actor
     * @param verb what happened; neither {@code null} nor blank, at most 255 characters
     * @param options targets, related objects, level, timestamp, data, grouping delay, persistence unit
     * @throws ActrackException when an argument is invalid; nothing is written then
     */
    void log(Object actor, String verb, LogOption... options);

    /**
     * Logs many actions at once, for jobs that import or generate them: the same as calling
     * {@link #log(Object, String, LogOption...)} for each request in order (combination and grouping
     * included), but every request is validated before any is written, so one bad request writes nothing,
     * and the actions are written in one unit of work with the same set-based statements.
     *
     * <p>The one failure that can only show while writing is data that outgrows its column
     * ({@link ErrorCode#DATA_TOO_LONG}) when an action is grouped into another: the call stops there, and the
     * actions before it stay in the transaction; roll it back to drop them.
     *
     * @param requests the actions to log, in logging order; neither {@code null} nor empty
     * @throws ActrackException when the list or any request is invalid; nothing is written then
     */
    void logAll(List<LogRequest> requests);

    /**
     * Makes {@code user} track objects or whole entity types.
     *
     * <p>{@code toTrack} is an entity, an entity class (all its instances), or an {@link Iterable} or
     * array of those. An existing tracker of the user on the same object is updated: its verbs are
     * always replaced by the {@linkplain Options#verbs(String...) verbs given} (none means all
     * verbs), its actor-only flag only when {@link Options#actorOnly(boolean)} is given. New
     * trackers are actor-only unless told otherwise. With {@link Options#log(boolean) log(true)} an
     * action {@value #STARTED_TRACKING} is logged by the user with the newly tracked objects as targets.
     *
     * @return the user's trackers on the objects given, in the order given
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @param toTrack the entity, or an entity class for every entity of it
     * @param options options made by {@link Options}
     * @throws ActrackException when the user or an object is invalid; nothing is written then
     */
    List<Tracker> track(Object user, Object toTrack, TrackOption... options);

    /**
     * Makes several users track the same objects or entity types at once: {@link #track} for each user, in one unit
     * of work ("everyone in the team follows the new project").
     *
     * <p>Every user and object is checked before anything is written: one invalid user or object refuses the whole
     * call. Each user gets what {@link #track} gives (an existing tracker's verbs replaced, its actor-only flag changed
     * only when given, new trackers actor-only unless told otherwise); the users' rows are locked in one statement and
     * their trackers read in one. With {@link Options#log(boolean) log(true)} each user logs {@value #STARTED_TRACKING}
     * for what they newly track.
     *
     * @param users the users (entities of {@link SettingKeys#USER_TYPE} when it is set), at most 1,000; a user given
     *     twice counts once
     * @param toTrack an entity, an entity class for every entity of it, or an {@link Iterable} or array of those
     * @param options options made by {@link Options}
     * @return the trackers, user by user in the order given, each user's in the order of {@code toTrack}
     * @throws ActrackException when a user or an object is invalid, or more than 1,000 users are given
     *     ({@link ErrorCode#TOO_MANY_USERS}); nothing is written then
     */
    List<Tracker> trackAll(Iterable<?> users, Object toTrack, TrackOption... options);

    /**
     * Makes {@code user} stop tracking objects or whole entity types.
     *
     * <p>Without {@linkplain Options#verbs(String...) verbs} the user's trackers on the objects are
     * deleted. With verbs, those verbs are removed from the trackers and a tracker left with no verb is
     * deleted; a tracker that tracks all verbs is deleted (it cannot track "all but some"). With
     * {@link Options#log(boolean) log(true)} an action {@value #STOPPED_TRACKING} is logged with the
     * objects whose trackers were deleted as targets.
     *
     * @return the number of trackers deleted or changed
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @param toUntrack the entity or entity class no longer tracked
     * @param options options made by {@link Options}
     * @throws ActrackException when the user or an object is invalid; nothing is written then
     */
    int untrack(Object user, Object toUntrack, TrackOption... options);

    /**
     * The stored action with this id, resolved like the actions of a page; empty when there is none.
     *
     * @param id the id
     * @return the stored action with this id, resolved like the actions of a page; empty when there is none
     */
    java.util.Optional<Action> action(long id);

    /**
     * The stored action logged with this key of the application ({@link Options#foreignId}), resolved like the actions
     * of a page; empty when there is none (yet: an action logged in a transaction that has not committed is not
     * stored).
     *
     * @param foreignId the key
     * @return the stored action with this key; empty when there is none
     */
    java.util.Optional<Action> actionByForeignId(String foreignId);

    /**
     * What actrack holds about a person, to export or erase (data-protection requests).
     *
     * @return the person-data operations of this log
     */
    PersonalData personalData();

    /**
     * The actions in which {@code object} takes part, and the feed when it is a user.
     *
     * @param object an entity
     * @return the entity's actions
     */
    ObjectActions actions(Object object);

    /**
     * The trackers on {@code object}, and those it owns when it is a user.
     *
     * @param object an entity
     * @return the entity's trackers
     */
    ObjectTrackers trackers(Object object);

    /**
     * Every action {@code tracker} matches: its tracked object (or any instance of its tracked entity
     * type) as actor, or also as target or related object when the tracker is not actor-only, with one
     * of its verbs when it has any. Works for stored and {@linkplain #temporaryTracker temporary}
     * trackers alike.
     *
     * @param tracker the tracker
     * @return the query
     */
    ActionQuery trackedBy(Tracker tracker);

    /**
     * A tracker that is never stored, for {@link #trackedBy(Tracker)}: {@code user} following
     * {@code tracked} (an entity or an entity class) with the options given ({@link Options#verbs},
     * {@link Options#actorOnly}, {@link Options#since}; actor-only by default, since now).
     *
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @param tracked the entity or entity class tracked
     * @param options options made by {@link Options}
     * @return the tracker
     */
    Tracker temporaryTracker(Object user, Object tracked, TrackOption... options);

    /**
     * Renders the action with its verb's {@link ActionHandler}. When the context has a user and no unread
     * state, the unread state is worked out, and with {@link SettingKeys#AUTO_READ} on the action is
     * marked read for the user (rendering is reading, as in django-actrack): this call then writes. With a known
     * unread state ({@link RenderContext#withUnread}), or through {@link #renderAll(List, RenderContext, List)}, it
     * never writes.
     *
     * @param action the action
     * @param context the rendering context (locale, current user, time)
     * @return the text
     */
    String render(Action action, RenderContext context);

    /**
     * Renders the action for a user, in English; see {@link #render(Action, RenderContext)}.
     *
     * @param action the action
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @return the text
     */
    default String render(Action action, Object user) {
        return render(action, user == null ? RenderContext.empty() : RenderContext.forUser(user));
    }

    /**
     * Renders actions, in order, each with its own copy of the context; unread state worked out for all at once
     * when the context has a user and no unread state, and with {@link SettingKeys#AUTO_READ} on the actions are
     * marked read for the user (this call then writes, as {@link #render(Action, RenderContext)} does).
     *
     * @param actions the actions, in order
     * @param context the rendering context (locale, current user, time)
     * @return the texts, in order
     */
    List<String> renderAll(List<Action> actions, RenderContext context);

    /**
     * Renders actions whose unread state for the reader is already known (from {@link Unread#areUnread}, say): one
     * call for a whole page, which never writes, even with {@link SettingKeys#AUTO_READ} on. Reading a page and
     * rendering it this way marks nothing read; marking read is {@link Unread#markRead(List, boolean)}.
     *
     * @param actions the actions, in order
     * @param context the rendering context (locale, current user, time); its own unread state is ignored
     * @param unread one flag per action, in order
     * @return the texts, in order
     * @throws IllegalArgumentException when there are not as many flags as actions
     */
    List<String> renderAll(List<Action> actions, RenderContext context, List<Boolean> unread);

    /**
     * The unread state of a user: which actions they have not read, how many, and marking them read.
     *
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set, checked at each call of the
     *        result)
     * @return the user's unread state
     * @throws ActrackException ({@link ErrorCode#NULL_USER}) when {@code user} is {@code null}
     */
    Unread unread(Object user);

    /**
     * Retention, and history when entities go outside JPA's callbacks.
     *
     * @return the history operations
     */
    History history();

    /**
     * An object of the given type this log also is, for integrations: {@link org.actrack.spi.Integration} is
     * supported by every {@code ActionLog} actrack provides (handlers by verb, fan-out reads, connected types, the
     * settings), as {@code EntityManager.unwrap} gives a provider's own API.
     *
     * @param <T> the type
     * @param type the type wanted
     * @return this log as that type
     * @throws IllegalArgumentException when this log is no {@code type}
     */
    <T> T unwrap(Class<T> type);

    /**
     * The streams of django-activity-stream over the same queries.
     *
     * @return the streams
     */
    Streams streams();

    /** The verb logged by {@link #track} with {@code log(true)}. */
    String STARTED_TRACKING = "started tracking";

    /** The verb logged by {@link #untrack} with {@code log(true)}. */
    String STOPPED_TRACKING = "stopped tracking";
}
