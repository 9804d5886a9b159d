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
     */
    Stream<Action> stream(int pageSize);
}
