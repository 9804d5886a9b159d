/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.RenderContext;

/** Renders actions with their handlers, filling in the time and, for a user, the unread state (auto-read). */
final class Rendering {

    /** Works out, and with auto-read on also clears, the unread flags of actions for a user. */
    interface UnreadLookup {
        List<Boolean> unreadAndMarkRead(Object user, List<Action> actions);
    }

    private final Function<String, ActionHandler> handlers;
    private final Clock clock;
    private final UnreadLookup unread;

    Rendering(Function<String, ActionHandler> handlers, Clock clock, UnreadLookup unread) {
        this.handlers = handlers;
        this.clock = clock;
        this.unread = unread;
    }

    /** Renders actions whose unread flags are known: nothing is worked out, nothing is written. */
    List<String> render(List<Action> actions, RenderContext context, List<Boolean> unread) {
        RenderContext timed = context.now() == null ? context.withNow(clock.instant()) : context;
        List<String> texts = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            texts.add(handlers.apply(action.verb()).render(action, timed.withUnread(unread.get(i))));
        }
        return texts;
    }

    List<String> render(List<Action> actions, RenderContext context) {
        RenderContext timed = context.now() == null ? context.withNow(clock.instant()) : context;
        List<Boolean> flags =
                timed.user() != null && timed.unread() == null ? unread.unreadAndMarkRead(timed.user(), actions) : null;
        List<String> texts = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            RenderContext own = flags == null ? timed : timed.withUnread(flags.get(i));
            texts.add(handlers.apply(action.verb()).render(action, own));
        }
        return texts;
    }
}
