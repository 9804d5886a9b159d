/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.spi.Integration;

/**
 * What every resource of actrack-rest does first: answer only under {@link ActrackRestApplication} and while
 * switched on, find the caller's user, and decide what the caller may read ({@link Visibility}).
 */
abstract class ActrackResource {

    @Inject
    ActionLog log;

    @Inject
    RestConfiguration rest;

    /** What actrack-rest reads of the log besides the application's API: connected types, fan-out, engine settings. */
    Integration integration() {
        return log.unwrap(Integration.class);
    }

    @Inject
    RestUsers users;

    @Inject
    Instance<ActionVisibility> visibility;

    @Inject
    ObjectPresentation presentation;

    @Inject
    ReadTransaction reads;

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    /** The caller's user; 404 outside actrack's own application or when switched off, 401 or 403 without a user. */
    Object caller() {
        if (!Boolean.TRUE.equals(configuration.getProperty(ActrackRestApplication.SERVED_BY_ACTRACK))
                || !rest.settings().enabled()) {
            throw new NotFoundException();
        }
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            throw RestProblem.NOT_AUTHENTICATED.exceptionWithHeader(
                    "WWW-Authenticate", rest.settings().challenge());
        }
        return users.user(principal).orElseThrow(() -> RestProblem.NO_USER.exception(principal.getName()));
    }

    /** What the caller may see. */
    Visibility visibility(Object user) {
        return new Visibility(
                log,
                rest.settings().openStreams(),
                visibility.isResolvable() ? Optional.of(visibility.get()) : Optional.empty(),
                user);
    }

    /**
     * The action of an id given in a path, when the caller may read it: 400 when it is no id, and the same 404 when no
     * action has it and when the caller may not read it (ids cannot be probed).
     */
    Action readableAction(String name, String id, java.util.function.Predicate<Action> mayRead) {
        long actionId = RequestParameters.integer(name, id, 0, 1, Long.MAX_VALUE);
        return log.action(actionId).filter(mayRead).orElseThrow(() -> RestProblem.UNKNOWN_ACTION.exception(id));
    }

    /** The representation helper of this request. */
    ActionPages pages() {
        return new ActionPages(log, uri, request, headers, presentation, reads);
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
