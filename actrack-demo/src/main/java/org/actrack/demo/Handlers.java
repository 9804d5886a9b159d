/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ReadGrouping;
import org.actrack.RenderContext;
import org.actrack.Verb;

/** How the railway's actions read. */
public final class Handlers {

    private Handlers() {}

    private static String train(Action action) {
        return "Train " + action.actor().map(String::valueOf).orElse("?");
    }

    private static String related(Action action, int index) {
        List<Object> related = action.related();
        return related.size() > index ? String.valueOf(related.get(index)) : "?";
    }

    @ApplicationScoped
    @Verb("departed")
    public static class Departed implements ActionHandler {
        @Override
        public String text(Action action, RenderContext context) {
            return train(action) + " left " + related(action, 0) + " for " + related(action, 1);
        }

        /** A train's departures (arrivals) of one day form one notification: trains act, they have no target. */
        @Override
        public ReadGrouping readGrouping() {
            return ReadGrouping.byActor();
        }
    }

    @ApplicationScoped
    @Verb("arrived")
    public static class Arrived implements ActionHandler {
        @Override
        public String text(Action action, RenderContext context) {
            return train(action) + " arrived at " + related(action, 0);
        }

        /** A train's departures (arrivals) of one day form one notification: trains act, they have no target. */
        @Override
        public ReadGrouping readGrouping() {
            return ReadGrouping.byActor();
        }
    }

    @ApplicationScoped
    @Verb("retired")
    public static class Retired implements ActionHandler {
        @Override
        public String text(Action action, RenderContext context) {
            return train(action) + " was retired at " + related(action, 0);
        }
    }
}
