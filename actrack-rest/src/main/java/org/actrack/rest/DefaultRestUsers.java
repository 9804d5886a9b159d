/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.actrack.ActionLog;
import org.actrack.ActrackPersistence;
import org.actrack.spi.Integration;

/**
 * The user entity of {@code actrack.user-type} whose {@code actrack.rest.user-attribute} equals the principal's
 * name, read with actrack's entity manager.
 */
@ApplicationScoped
class DefaultRestUsers implements RestUsers {

    @Inject
    ActionLog log;

    @Inject
    RestConfiguration rest;

    @Inject
    @ActrackPersistence
    EntityManager entityManager;

    @Override
    public Optional<Object> user(Principal principal) {
        String type = log.unwrap(Integration.class)
                .settings()
                .userType()
                .orElseThrow(() -> RestProblem.NO_USER_TYPE.exception());
        // Entity and attribute names come from configuration, never from the request; the name is a parameter.
        List<?> users = entityManager
                .createQuery("SELECT u FROM " + type + " u WHERE u."
                        + rest.settings().userAttribute() + " = :name")
                .setParameter("name", principal.getName())
                .setMaxResults(2)
                .getResultList();
        return users.size() == 1 ? Optional.of(users.get(0)) : Optional.empty();
    }
}
