/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest.visibility;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.StreamLimits;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.rest.ActionVisibility;

/** Every member may see the streams of trains and stations, but of a station only its arrivals; members' streams are private. */
@ApplicationScoped
public class TrainsAndStationsVisible implements ActionVisibility {

    @Override
    public boolean maySee(Object user, Object objectOrType) {
        return objectOrType instanceof Train
                || objectOrType instanceof Station
                || objectOrType == Train.class
                || objectOrType == Station.class;
    }

    @Override
    public StreamLimits limits(Object user, Object objectOrType) {
        return objectOrType instanceof Station || objectOrType == Station.class
                ? StreamLimits.NONE.verbs("arrived")
                : StreamLimits.NONE;
    }
}
