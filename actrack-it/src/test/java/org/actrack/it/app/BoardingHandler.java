/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.ActionHandler;
import org.actrack.LoggedAction;
import org.actrack.Verb;

/** "boarded" says nothing "departed" does not: it combines into it. */
@ApplicationScoped
@Verb("boarded")
public class BoardingHandler implements ActionHandler {
    @Override
    public boolean combinesInto(LoggedAction self, LoggedAction other) {
        return other.verb().equals("departed");
    }
}
