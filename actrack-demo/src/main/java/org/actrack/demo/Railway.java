/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The railway's business: moving trains. Each call is one transaction; its actions commit with it. */
@ApplicationScoped
public class Railway {

    @PersistenceContext
    EntityManager em;

    @Inject
    Movements movements;

    @Transactional
    public void depart(long trainId, long destinationId) {
        Train train = train(trainId);
        Station destination = find(Station.class, destinationId);
        if (train.getLocation() == null) {
            throw new ClientErrorException(
                    "Train " + train + " is already on its way to " + train.getHeadingTo(), Response.Status.CONFLICT);
        }
        if (train.getLocation().getId().equals(destination.getId())) {
            throw new BadRequestException("Train " + train + " is already at " + destination);
        }
        Station from = train.getLocation();
        train.departFor(destination);
        movements.departed(train, from, destination);
    }

    @Transactional
    public void arrive(long trainId) {
        Train train = train(trainId);
        if (train.getHeadingTo() == null) {
            throw new ClientErrorException("Train " + train + " is not travelling", Response.Status.CONFLICT);
        }
        train.arrive();
        movements.arrived(train, train.getLocation());
    }

    @Transactional
    public void retire(long trainId) {
        Train train = train(trainId);
        if (train.getLocation() == null) {
            throw new ClientErrorException(
                    "Train " + train + " is on its way to " + train.getHeadingTo()
                            + ": it can retire once it has arrived",
                    Response.Status.CONFLICT);
        }
        train.retire();
        movements.retired(train, train.getLocation());
    }

    public List<Train> trains() {
        return em.createQuery("SELECT t FROM Train t ORDER BY t.name", Train.class)
                .getResultList();
    }

    public List<Station> stations() {
        return em.createQuery("SELECT s FROM Station s ORDER BY s.name", Station.class)
                .getResultList();
    }

    public List<User> users() {
        return em.createQuery("SELECT u FROM User u ORDER BY u.name", User.class)
                .getResultList();
    }

    public <T> T find(Class<T> type, long id) {
        T found = em.find(type, id);
        if (found == null) {
            throw new NotFoundException("No " + type.getSimpleName() + " " + id);
        }
        return found;
    }

    private Train train(long id) {
        Train train = find(Train.class, id);
        if (train.isRetired()) {
            throw new ClientErrorException("Train " + train + " is retired", Response.Status.CONFLICT);
        }
        return train;
    }
}
