/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.ObjectRef;

/**
 * What a server that pushes actions to many readers at once reads ({@link Integration#fanout()}): the actions stored
 * since a position, whoever logged them and on whichever node, and the unread state of many users in one statement
 * each. actrack-rest's live feeds use it to read a node's new actions once for all its open feeds, not once per feed.
 *
 * <p>Every method reads, in the caller's transaction when one is active; none writes.
 */
public interface Fanout {

    /** The most keys {@link #storedSince} returns at once. */
    int MAX_KEYS = 10_000;

    /**
     * The reference of an entity, as actrack stores it: its entity name and id.
     *
     * @param entity an entity
     * @return its reference
     * @throws ActrackException when it is no entity of actrack's persistence unit or has no id yet
     */
    ObjectRef ref(Object entity);

    /**
     * The keys of the actions stored at or after {@code notBefore} and after {@code after}, oldest first. Actions are
     * placed by the time they were logged, which can be before the commit of an action already read: read again a
     * little below the newest key seen to find such late commits, and skip the ids seen.
     *
     * @param notBefore the earliest time read
     * @param after the key to continue after, or {@code null} to start at {@code notBefore}
     * @param limit the most keys, 1 to {@value #MAX_KEYS}
     * @return the keys, oldest first
     * @throws ActrackException ({@link ErrorCode#INVALID_PAGE_SIZE}) when the limit is out of range
     */
    List<ActionKey> storedSince(Instant notBefore, ActionKey after, int limit);

    /**
     * Actions by id, loaded as a page is (one query per entity type for all their objects).
     *
     * @param ids the ids, at most 1000
     * @return the actions, in the order of the ids; the ids of actions that no longer exist are left out
     * @throws ActrackException ({@link ErrorCode#INVALID_PAGE_SIZE}) for more than 1000 ids
     */
    List<Action> actions(List<Long> ids);

    /**
     * Which of these actions are unread for each of these users, in one statement.
     *
     * @param users the users' references
     * @param actionIds the actions' ids
     * @return for each user with any of them unread, the ids unread; users with none are absent
     */
    Map<ObjectRef, Set<Long>> unreadAmong(Collection<ObjectRef> users, Collection<Long> actionIds);

    /**
     * How many actions are unread for each of these users, in one statement.
     *
     * @param users the users' references
     * @return the count of each user (0 included)
     */
    Map<ObjectRef, Long> unreadCounts(Collection<ObjectRef> users);

    /**
     * How many actions each of these users has unread and not yet seen (newer than their seen position, all unread
     * ones before their first {@link org.actrack.Unread#markSeen()}), in one statement: a notification badge.
     *
     * @param users the users' references
     * @return the count of each user (0 included)
     */
    Map<ObjectRef, Long> unseenCounts(Collection<ObjectRef> users);

    /**
     * The users whose trackers changed ({@link org.actrack.ActionLog#track}, {@link org.actrack.ActionLog#untrack}) at or after an instant,
     * on any node, in one statement: what a node without notifications reads periodically to keep its live feeds'
     * trackers current. Stamped with the clock of the node that made the change.
     *
     * @param since the earliest change read
     * @return each owner's reference with the instant of its latest change, so that a reader that reads overlapping
     *     spans can tell a change it has seen from a newer one
     */
    Map<ObjectRef, Instant> trackersChangedSince(Instant since);

    /**
     * Opens this node's connection for the notifications of other nodes' commits ({@link org.actrack.SettingKeys#NOTIFY_CHANNEL}):
     * on PostgreSQL, a connection of its own outside the container's pool (a pooled connection may be lent to
     * someone else) that {@code LISTEN}s on the channel. Use it from one thread; close it when done.
     *
     * @param jdbcUrl the connection's JDBC URL (user and password may be parameters of it), or empty to use the
     *        database actrack writes to: its host, port, database and user, without a password (trust, peer or
     *        {@code .pgpass} authentication)
     * @return the connection; empty when the database has no notifications (MariaDB, H2) or the channel is off
     * @throws ActrackException ({@link ErrorCode#NOTIFICATIONS_UNAVAILABLE}) naming why it could not be opened
     */
    Optional<Notifications> listen(Optional<String> jdbcUrl);
}
