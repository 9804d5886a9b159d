/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.postgres;

import static org.actrack.Options.actorOnly;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.Trains;

/** Runs the scenario on the server and reports what it saw. */
@Path("scenario")
@RequestScoped
public class ScenarioResource {

    @Inject
    ActionLog log;

    @Inject
    Trains trains;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String run() {
        Member driver = trains.create(new Member("driver"));
        Member reader = trains.create(new Member("reader"));
        Train train = trains.create(new Train("12"));
        Station paris = trains.create(new Station("Paris"));
        log.track(reader, train, actorOnly(false));
        trains.depart(driver, train, paris);
        boolean rolledBack;
        try {
            trains.departThenFail(driver, train, paris);
            rolledBack = false;
        } catch (IllegalStateException expected) {
            rolledBack = true;
        }
        return "actions=" + log.actions(train).all().count() + " feed="
                + log.actions(reader).feed().count() + " unread="
                + log.unread(reader).count() + " rolledBack=" + rolledBack;
    }
}
