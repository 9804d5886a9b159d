/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.Unread;

/** The unread state of one user ({@link org.actrack.ActionLog#unread(Object)}), read and written through the engine. */
final class UserUnread implements Unread {

    private final EngineActionLog log;
    private final Object user;

    UserUnread(EngineActionLog log, Object user) {
        this.log = log;
        this.user = user;
    }

    @Override
    public boolean isUnread(Action action) {
        return log.isUnreadFor(action, user);
    }

    @Override
    public List<Boolean> areUnread(List<Action> actions) {
        return log.areUnreadFor(user, actions);
    }

    @Override
    public boolean markRead(Action action, boolean force) {
        return log.markReadFor(action, user, force);
    }

    @Override
    public List<Boolean> markRead(List<Action> actions, boolean force) {
        return log.markReadFor(user, actions, force);
    }

    @Override
    public int markRead(org.actrack.ActionGroup group) {
        java.util.Objects.requireNonNull(group, "group");
        return (int) log.markIdsReadFor(user, group.unreadIds()).stream()
                .filter(Boolean::booleanValue)
                .count();
    }

    @Override
    public long count() {
        return log.unreadCount(user);
    }

    @Override
    public int markAllRead() {
        return log.markAllRead(user);
    }

    @Override
    public void markSeen() {
        log.markSeen(user);
    }

    @Override
    public long countUnseen() {
        return log.countUnseen(user);
    }

    @Override
    public Optional<Instant> seenUntil() {
        return log.seenUntil(user);
    }
}
