/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.Trains;

/**
 * The data of the REST tests, created by the first {@code POST api/fixture} (the tests call it before each test;
 * at start-up the tables may not exist yet): alice follows train 31, which a driver makes depart from Lyon and
 * arrive in Paris; carol (whom the random requests use) follows it too, and the driver, who greets her; bob
 * follows nothing. {@code POST api/fixture/announce/{verb}} logs one more action of the driver about the train.
 */
@Path("fixture")
@ApplicationScoped
public class RestFixture {

    private boolean created;
    private Member driver;
    private Train train;

    @Inject
    Trains trains;

    @Inject
    ActionLog log;

    @POST
    public synchronized void create() {
        if (created) {
            return;
        }
        created = true;
        Member alice = trains.create(new Member("alice"));
        trains.create(new Member("bob"));
        Member carol = trains.create(new Member("carol"));
        driver = trains.create(new Member("driver <b>&</b>"));
        Station lyon = trains.create(new Station("Lyon"));
        Station paris = trains.create(new Station("Paris"));
        train = trains.create(new Train("31", lyon));
        log.track(alice, train, actorOnly(false));
        log.track(carol, train, actorOnly(false));
        trains.depart(driver, train, lyon);
        trains.arrive(driver, train, paris);
        log.track(carol, driver);
        trains.log(driver, "greeted", targets(carol));
    }

    /** Members reader-1 … reader-n who follow the train, for measurements with many users. */
    @POST
    @Path("readers/{n}")
    public synchronized void readers(@PathParam("n") int n) {
        for (int i = 1; i <= n; i++) {
            log.track(trains.create(new Member("reader-" + i)), train, actorOnly(false));
        }
    }

    /**
     * The work of the first page of alice's feed through the Java API, {@code n} times: the page, its unread
     * state and its texts, as an application builds it. Answers the nanoseconds it took.
     */
    @GET
    @Path("java-feed-pages/{n}")
    public long javaFeedPages(@PathParam("n") int n) {
        Member alice = trains.member("alice");
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            java.util.List<org.actrack.Action> page =
                    log.actions(alice).feed().page(20).actions();
            java.util.List<Boolean> unread = log.unread(alice).areUnread(page);
            for (int a = 0; a < page.size(); a++) {
                log.render(page.get(a), org.actrack.RenderContext.forUser(alice).withUnread(unread.get(a)));
            }
        }
        return System.nanoTime() - start;
    }

    /**
     * Logs an action of the driver about the train stamped at the given instant (ISO-8601): as an action whose
     * transaction commits after newer ones were committed (and sent) appears to the readers.
     */
    @POST
    @Path("announce-at/{verb}")
    public void announceAt(@PathParam("verb") String verb, @jakarta.ws.rs.QueryParam("at") String instant) {
        trains.log(driver, verb, targets(train), org.actrack.Options.at(java.time.Instant.parse(instant)));
    }

    @POST
    @Path("announce/{verb}")
    public void announce(@PathParam("verb") String verb) {
        trains.log(driver, verb, targets(train));
    }
}
