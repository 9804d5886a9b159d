/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * An {@link ActionQuery} read as pages of groups ({@link ActionQuery#grouped()}): immutable, every method returns a
 * new query.
 *
 * <p>Each action the query matches is in exactly one group: the actions of one verb with the same grouping object
 * and time bucket, as the verb's {@link ActionHandler#readGrouping()} says. Groups come newest first by their newest
 * action (its time, then its id), keyset-paged like actions: a page of groups is one statement in the database (the
 * groups, their counts and their newest members), then one more to load the members' actions, whatever the number of
 * groups. A group is never split across pages. A group that gains an action while a client pages moves to the top:
 * the pages after it no longer show it, as a flat feed does not show an action logged after its first page was read.
 *
 * <pre>{@code
 * GroupPage page = log.actions(user).feed().grouped().page(20);
 * for (ActionGroup group : page.groups()) {
 *     // "alice and 3 others commented on the report"
 *     show(group.members().get(0), group.actorCount() - 1, group.unreadCount() > 0, group.seen());
 * }
 * GroupPage next = log.actions(user).feed().grouped().after(page.nextCursor()).page(20);
 * }</pre>
 */
public interface GroupedQuery {

    /** The most members a group returns ({@link #members(int)}). */
    int MAX_MEMBERS = 50;

    /** The most groups of one page. */
    int MAX_PAGE_SIZE = 200;

    /**
     * Whose unread state and seen position the groups report ({@link ActionGroup#unreadCount()},
     * {@link ActionGroup#seen()}). A feed's grouped query reports its user's by default; any other query reports
     * none (no unread actions, every group seen) until a reader is given.
     *
     * @param user the reader (an entity of {@link SettingKeys#USER_TYPE} when it is set)
     * @return the query
     */
    GroupedQuery readBy(Object user);

    /**
     * How many of each group's newest actions {@link ActionGroup#members()} holds; 3 by default.
     *
     * @param max 1 to {@value #MAX_MEMBERS}
     * @return the query
     * @throws ActrackException ({@link ErrorCode#INVALID_GROUP_MEMBERS}) when out of range
     */
    GroupedQuery members(int max);

    /**
     * Continues after the page whose {@link GroupPage#nextCursor()} is given; {@code null} starts at the newest group.
     * Cursors are signed and bound to the query as {@link ActionQuery#after} describes; a cursor of the flat query is
     * not one of its grouped query, nor the reverse.
     *
     * @param cursor a cursor of this same grouped query, or {@code null}
     * @return the query
     */
    GroupedQuery after(String cursor);

    /**
     * The next {@code size} groups and the cursor of the page after them.
     *
     * @param size 1 to {@value #MAX_PAGE_SIZE}
     * @return the page
     * @throws ActrackException ({@link ErrorCode#INVALID_PAGE_SIZE}) when the size is out of range, or
     *         ({@link ErrorCode#INVALID_CURSOR}) when the cursor is not one of this query
     */
    GroupPage page(int size);
}
