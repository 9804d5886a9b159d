/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A query over actions: immutable, every filter returns a new query. Results come newest first by
 * (timestamp, id), a page at a time with keyset paging (never offsets), so the thousandth page costs
 * what the first does.
 *
 * <pre>{@code
 * ActionPage page = log.actions(user).feed().verbs("arrived").since(yesterday).page(20);
 * ActionPage next = log.actions(user).feed().verbs("arrived").since(yesterday).after(page.nextCursor()).page(20);
 * }</pre>
 */
public interface ActionQuery {

    /**
     * Only actions with one of these verbs. Calling it again replaces the verbs.
     *
     * @param verbs the verbs
     * @return the query
     */
    ActionQuery verbs(String... verbs);

    /**
     * Only actions at or above this level. Feeds never go below the readable level.
     *
     * @param level the level
     * @return the query
     */
    ActionQuery minLevel(int level);

    /**
     * Only actions at or above the named level; an unknown name is an {@link ActrackException}.
     *
     * @param levelName a level's name
     * @return the query
     */
    ActionQuery minLevel(String levelName);

    /**
     * Only actions at or after this instant (inclusive).
     *
     * @param since the first instant included
     * @return the query
     */
    ActionQuery since(Instant since);

    /**
     * Only actions strictly before this instant.
     *
     * @param until the first instant excluded
     * @return the query
     */
    ActionQuery until(Instant until);

    /**
     * Only actions unread for the user.
     *
     * @param user the user (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @return the query
     */
    ActionQuery unreadFor(Object user);

    /**
     * Continues after the page whose {@link ActionPage#nextCursor()} is given; {@code null} starts at
     * the newest action.
     *
     * <p>A cursor is opaque and signed: it holds the position of the page's last action, a fingerprint of the
     * query that produced it (its kind, object or user, and filters) and an integrity check keyed by
     * {@link SettingKeys#CURSOR_SECRET}. A cursor of another query, an altered or forged one, one signed with
     * another secret (another node, or before a restart when no secret is configured) or one of an older format
     * is refused with an {@link ActrackException} ({@link ErrorCode#INVALID_CURSOR}) naming what is wrong. Nothing
     * is read from the database to check it. A query may change its page size between pages.
     *
     * @param cursor a cursor returned by {@link ActionPage#nextCursor()} for this same query, or {@code null}
     * @return this query, continuing after the cursor
     */
    ActionQuery after(String cursor);

    /**
     * Only the actions newer than the position of a cursor: the page before it in newest-first order, for a
     * "previous page" link, or to read what arrived since an action (live updates that resume). {@link #page}
     * then returns the {@code size} actions nearest the position, still newest first, and its
     * {@link ActionPage#nextCursor()}, when still newer actions follow, is the position of the page's newest
     * action, to pass to {@code before} again. The cursor is checked as {@link #after} checks it; {@code after}
     * and {@code before} replace each other (the last one called counts), and {@code null} removes the position.
     *
     * <pre>{@code
     * ActionQuery feed = log.actions(user).feed();
     * String since = feed.cursorOf(lastSeen);
     * ActionPage arrived = feed.before(since).page(100); // up to 100 actions newer than lastSeen
     * }</pre>
     *
     * <p>Actions are placed by their timestamp, stamped when they are logged. An action of a transaction that
     * commits after a newer action was read is older than that action: read past a position only once the
     * transactions running at that moment have ended, or read a little below it again.
     *
     * @param cursor a cursor of this same query ({@link ActionPage#nextCursor()} or {@link #cursorOf}), or
     *        {@code null}
     * @return this query, reading the actions newer than the cursor
     */
    ActionQuery before(String cursor);

    /**
     * The position of an action in this query, as a cursor: {@code after(cursorOf(action))} continues with the
     * actions older than it, {@code before(cursorOf(action))} with the newer ones. Made without reading the
     * database; the action need not match the query (its timestamp and id are the position).
     *
     * @param action an action, as read from this engine
     * @return the cursor, as {@link #after} accepts it
     */
    String cursorOf(Action action);

    /**
     * The position a cursor of this query names, checked as {@link #after} checks it, without reading the database:
     * where a client that resumes with a cursor stands.
     *
     * @param cursor a cursor of this same query
     * @return the time and id of the action the cursor is placed at
     * @throws ActrackException ({@link ErrorCode#INVALID_CURSOR}) when the cursor is not one of this query's
     */
    ActionKey positionOf(String cursor);

    /**
     * The next {@code size} actions (1 to 1000) and the cursor of the page after them.
     *
     * @param size the page size, 1 to 1000
     * @return the page
     */
    ActionPage page(int size);

    /**
     * The first {@code limit} actions; a shortcut for {@code page(limit).actions()}.
     *
     * @param limit how many, at most
     * @return the first {@code limit} actions; a shortcut for {@code page(limit).actions()}
     */
    default List<Action> list(int limit) {
        return page(limit).actions();
    }

    /**
     * How many actions the query matches, ignoring the cursor. It reads every match, so its cost grows with
     * the count: for a number shown to users ("99+") prefer {@link #countUpTo(int)}.
     *
     * @return the number of matching actions
     */
    long count();

    /**
     * How many actions the query matches, counting no further than {@code limit}: {@code min(count(), limit)},
     * at the cost of reading at most {@code limit} matches however big the query. Show "99+" when
     * {@code countUpTo(100)} returns 100.
     *
     * @param limit the most to count, 1 to 100,000
     * @return the number of matching actions, at most {@code limit}
     * @throws ActrackException ({@link ErrorCode#INVALID_COUNT_LIMIT}) when the limit is out of range
     */
    long countUpTo(int limit);

    /**
     * Every action the query matches from the cursor on, newest first, read page by page of {@code pageSize}
     * as the stream is consumed: for exports and jobs that walk a whole stream without handling cursors. Each
     * page is one read, in the caller's transaction when one is active; actions logged after the first page was
     * read are not included (they are newer than where the stream started), and an action removed before its
     * page is read is skipped. Close the stream or stop consuming it at any point: nothing stays open between
     * pages.
     *
     * <pre>{@code
     * try (Stream<Action> all = log.actions(project).all().stream(500)) {
     *     all.forEach(exporter::write);
     * }
     * }</pre>
     *
     * @param pageSize actions per read, 1 to 1000
     * @return the actions, fetched lazily
     * @throws ActrackException ({@link ErrorCode#INVALID_PAGE_SIZE}) when the page size is out of range
     * @throws IllegalStateException when the query reads newer actions ({@link #before}): a stream reads toward
     *         older ones only
     */
    Stream<Action> stream(int pageSize);

    /**
     * This query read as pages of groups ("alice and 3 others commented on the report"), grouped as each verb's
     * {@link ActionHandler#readGrouping()} says, when it is read: see {@link GroupedQuery}. Its filters are this
     * query's; its position starts at the newest group (a cursor of this query does not carry over).
     *
     * @return the grouped query
     */
    GroupedQuery grouped();
}
