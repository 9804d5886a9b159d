/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.RenderContext;
import org.actrack.Verb;

@ApplicationScoped
@Verb("arrived")
public class ArrivalHandler implements ActionHandler {
    @Override
    public String text(Action action, RenderContext context) {
        return "Train " + action.targets().get(0) + " arrived at "
                + action.related().get(0);
    }
}
