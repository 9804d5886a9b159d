/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The unread state of one user, from {@link ActionLog#unread(Object)}: which actions the user has not read yet,
 * how many, and marking them read; and which of them the user has not even seen (a notification badge).
 *
 * <p>An action becomes unread for a user when it is written and matches one of the user's trackers created
 * before it (instance or whole type, verbs and actor-only honoured), its level is at least
 * {@link SettingKeys#READABLE_LEVEL} and {@link SettingKeys#TRACK_UNREAD} is on; it stays unread until the user
 * marks it read, and it stays a part of the user's feed (untracking removes the marks no tracker matches any
 * more). Reading feeds and counts never changes it.
 *
 * <p>Actions of a verb whose handler says {@link ActionHandler#unreadByPosition()} are unread by position
 * instead: without a row per user, they are unread when a tracker of the user created before them matches them,
 * they are newer than the user's read position ({@link #markAllRead()}) and the user did not mark them read one by
 * one. Every method here treats both kinds alike.
 *
 * <p>Each call is one unit of work: it joins the caller's transaction when one is active, otherwise it runs in
 * one of its own. The user is checked at each call: an entity of {@link SettingKeys#USER_TYPE} when that is set
 * ({@link ErrorCode#NOT_USER_TYPE} otherwise).
 *
 * <pre>{@code
 * long badge = log.unread(user).count();
 * List<Action> page = log.actions(user).feed().list(20);
 * List<Boolean> flags = log.unread(user).areUnread(page);
 * log.unread(user).markRead(page, true);
 * }</pre>
 */
public interface Unread {

    /**
     * Whether the action is unread for the user.
     *
     * @param action the action
     * @return whether the action is unread for the user
     */
    boolean isUnread(Action action);

    /**
     * One flag per action, in order: whether it is unread for the user ({@code false} below the readable level).
     *
     * @param actions the actions, in order
     * @return one flag per action, in order
     */
    List<Boolean> areUnread(List<Action> actions);

    /**
     * Marks the action read for the user, as {@code markRead(action, false)}.
     *
     * @param action the action
     * @return whether the action was unread and is now read
     */
    default boolean markRead(Action action) {
        return markRead(action, false);
    }

    /**
     * Marks the action read for the user, when {@link SettingKeys#AUTO_READ} is on or {@code force} is given.
     *
     * @param action the action
     * @param force whether to mark read even when {@link SettingKeys#AUTO_READ} is off
     * @return whether the action was unread and is now read
     */
    boolean markRead(Action action, boolean force);

    /**
     * Marks actions read for the user; one flag per action, in order, as {@link #markRead(Action, boolean)}.
     *
     * @param actions the actions, in order
     * @param force whether to mark read even when {@link SettingKeys#AUTO_READ} is off
     * @return one flag per action, in order: whether it was unread and is now read
     */
    List<Boolean> markRead(List<Action> actions, boolean force);

    /**
     * Marks the unread actions of a group read ({@link ActionGroup#unreadIds()}, as its page was read): the group
     * then reads with no unread action. Actions of the group that were read meanwhile stay read. Like
     * {@code markRead(actions, true)}, it marks whatever {@link SettingKeys#AUTO_READ} says: a group is marked read
     * because its reader asked.
     *
     * @param group a group of a page read for this user
     * @return how many of its actions were unread and are now read
     */
    int markRead(ActionGroup group);

    /**
     * How many actions are unread for the user.
     *
     * @return how many actions are unread for the user
     */
    long count();

    /**
     * Marks every action read for the user, whatever {@link SettingKeys#AUTO_READ} says: deletes the user's unread
     * marks and moves their read position to the time of the call (only forward), which reads every action unread by
     * position stamped until then.
     *
     * @return how many actions were unread
     */
    int markAllRead();

    /**
     * Marks the user's feed seen: every action that is unread now stops counting as unseen, and stays unread until
     * read. A notification badge counts what the user has not seen ({@link #countUnseen()}); opening the list of
     * notifications calls this, reading one action calls {@link #markRead(Action)}. The position is one row per user
     * (the time of this call, which only moves forward), not a row per action.
     *
     * <p>An action stamped before this call but committed after it (a long transaction) counts as seen.
     */
    void markSeen();

    /**
     * How many unread actions are newer than the user's seen position: all of them before the first
     * {@link #markSeen()}.
     *
     * @return how many unread actions the user has not seen
     */
    long countUnseen();

    /**
     * When the user last marked their feed seen.
     *
     * @return the seen position; empty before the first {@link #markSeen()}
     */
    Optional<Instant> seenUntil();
}
