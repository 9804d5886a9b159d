/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.app;

import static org.actrack.Options.related;
import static org.actrack.Options.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.actrack.ActionLog;
import org.actrack.Actionable;
import org.actrack.cdi.fixtures.Coach;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;

/** The application's business methods. */
@ApplicationScoped
public class Trains {

    @PersistenceContext(unitName = "app")
    EntityManager em;

    @Inject
    ActionLog log;

    @Inject
    Trains self;

    @Transactional
    public <T> T create(T entity) {
        em.persist(entity);
        return entity;
    }

    @Transactional
    @Actionable("departed")
    public void depart(
            @Actionable.Actor Member driver, @Actionable.Target Train train, @Actionable.Related Station from) {}

    @Transactional
    @Actionable("arrived")
    public void arrive(
            @Actionable.Actor Member driver, @Actionable.Target Train train, @Actionable.Related Station at) {}

    @Transactional
    @Actionable("crashed")
    public void crash(@Actionable.Actor Member driver, @Actionable.Target Train train) {
        throw new IllegalStateException("the train crashed");
    }

    /** Departs through the interceptor, then fails: the whole transaction rolls back. */
    @Transactional
    public void departThenFail(Member driver, Train train, Station from) {
        self.depart(driver, train, from);
        throw new IllegalStateException("signal failure");
    }

    /** Persists its own entity, then logs about it, in one transaction. */
    @Transactional
    public Train build(Member builder, String name) {
        Train train = new Train(name);
        em.persist(train);
        log.log(builder, "built", targets(train));
        return train;
    }

    /** Logs in a transaction of the application's. */
    @Transactional
    public void log(Member actor, String verb, org.actrack.LogOption... options) {
        log.log(actor, verb, options);
    }

    /** The member of that name. */
    public Member member(String name) {
        return em.createQuery("SELECT m FROM Member m WHERE m.name = :name", Member.class)
                .setParameter("name", name)
                .getSingleResult();
    }

    /** Couples a new coach to a train: persisted with it. */
    @Transactional
    public Coach couple(Long trainId, String name) {
        Train train = em.find(Train.class, trainId);
        Coach coach = new Coach(name, train);
        train.getCoaches().add(coach);
        em.flush();
        return coach;
    }

    /** Uncouples a coach: the flush at commit removes it as an orphan. */
    @Transactional
    public void uncouple(Long trainId, Long coachId) {
        em.find(Train.class, trainId)
                .getCoaches()
                .removeIf(coach -> coach.getId().equals(coachId));
    }

    @Transactional
    public void remove(Class<?> type, Object id) {
        em.remove(em.find(type, id));
    }

    /** Logs several actions in one transaction (grouping and combination happen as they are logged). */
    @Transactional
    public void logInOneTransaction(Member actor, Station station, Train... trains) {
        for (Train train : trains) {
            log.log(actor, "inspected", targets(train), related(station));
        }
    }
}
