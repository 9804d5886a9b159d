/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.actrack.ActionGroup;
import org.actrack.ActionLog;
import org.actrack.GroupPage;
import org.actrack.RenderContext;

@ApplicationScoped
public class Notifications {

    @Inject
    ActionLog log;

    public long badge(Member user) {
        return log.unread(user).countUnseen();                   // the number on the bell
    }

    public GroupPage open(Member user) {
        log.unread(user).markSeen();                             // the badge empties; everything stays unread
        return log.actions(user).feed().grouped().page(10);      // "the driver and 3 others arrived at Paris"
    }

    public String line(ActionGroup group) {
        String newest = log.render(group.first(), RenderContext.empty()); // no reader: nothing is marked read
        return group.more() == 0 ? newest : newest + " and " + group.more() + " more";
    }

    public int read(Member user, ActionGroup group) {
        return log.unread(user).markRead(group);                 // every unread action of the group
    }
}
// spotless:on
