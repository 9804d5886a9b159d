/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;

import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;

/**
 * The suite's usual data: alice follows train 31 (every role), which a driver makes depart from Lyon and arrive in
 * Paris; carol follows the train and the driver, who greets her; bob follows nothing.
 */
public final class Railway {

    public final Member alice;
    public final Member bob;
    public final Member carol;
    public final Member driver;
    public final Train train;
    public final Station lyon;
    public final Station paris;
    private final RestServerExtension server;

    public Railway(RestServerExtension server) {
        this.server = server;
        ActionLog log = server.log();
        alice = server.persist(new Member("alice"));
        bob = server.persist(new Member("bob"));
        carol = server.persist(new Member("carol"));
        driver = server.persist(new Member("driver <b>&</b>"));
        train = server.persist(new Train("31"));
        lyon = server.persist(new Station("Lyon"));
        paris = server.persist(new Station("Paris"));
        log.track(alice, train, actorOnly(false));
        log.track(carol, train, actorOnly(false));
        log.log(driver, "departed", targets(train), related(lyon));
        log.log(driver, "arrived", targets(train), related(paris));
        log.track(carol, driver);
        log.log(driver, "greeted", targets(carol));
    }

    /** One more action of the driver about the train. */
    public void announce(String verb) {
        server.log().log(driver, verb, targets(train));
    }
}
