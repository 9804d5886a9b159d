/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import static org.actrack.Options.actorOnly;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.actrack.ActionLog;

/** Something to see at once: stations, trains, users who follow them, and a few journeys. */
@ApplicationScoped
public class SampleData {

    private static final System.Logger LOGGER = System.getLogger(SampleData.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ActionLog log;

    @Inject
    Railway railway;

    @Inject
    SampleData self;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (railway.users().isEmpty()) {
            self.create();
            Train twelve = railway.trains().get(0);
            Train thirtyFour = railway.trains().get(1);
            railway.depart(twelve.getId(), station("Lyon"));
            railway.arrive(twelve.getId());
            railway.depart(thirtyFour.getId(), station("Lille"));
        }
        String url = System.getProperty("demo.url");
        String accounts = DemoLogin.PASSWORDS.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(account -> account.getKey() + " / " + account.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        LOGGER.log(
                System.Logger.Level.INFO,
                "actrack demo is ready" + (url == null ? "" : ": open " + url) + " and sign in as " + accounts);
    }

    @Transactional
    public void create() {
        Station paris = persist(new Station("Paris"));
        Station lyon = persist(new Station("Lyon"));
        persist(new Station("Lille"));
        Station marseille = persist(new Station("Marseille"));
        // A name with markup characters, shown as text everywhere (the page, Atom, JSON).
        persist(new Station("Nice <Ville> & Riviera"));
        Train twelve = persist(new Train("12", paris));
        persist(new Train("34", lyon));
        persist(new Train("56", marseille));
        User alice = persist(new User("alice"));
        User bob = persist(new User("bob"));
        User carol = persist(new User("carol"));
        log.track(alice, twelve);
        log.track(bob, lyon, actorOnly(false));
        log.track(carol, Train.class);
    }

    private long station(String name) {
        return railway.stations().stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getId();
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }
}
