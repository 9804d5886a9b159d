/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.rest.ActionVisibility;

/**
 * Who may see what in the demo: every user sees the trains and stations (and may follow them over HTTP), and a
 * user's own stream is theirs alone.
 */
@ApplicationScoped
public class DemoVisibility implements ActionVisibility {

    @Override
    public boolean maySee(Object user, Object objectOrType) {
        if (objectOrType instanceof User other) {
            return other.getId().equals(((User) user).getId());
        }
        return objectOrType instanceof Train
                || objectOrType instanceof Station
                || objectOrType == Train.class
                || objectOrType == Station.class;
    }
}
