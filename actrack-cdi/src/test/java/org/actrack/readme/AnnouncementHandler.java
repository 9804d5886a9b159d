/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.ActionHandler;
import org.actrack.Verb;

@ApplicationScoped
@Verb("announced")
public class AnnouncementHandler implements ActionHandler {

    @Override
    public boolean unreadByPosition() {
        return true;
    }
}
