package org.actrack.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionQuery;

/**
 * What every resource of actrack-rest does first: answer only under {@link ActrackRestApplication} and while
 * switched on, find the caller's user, and decide what the caller may read.
 */
abstract class ActrackResource {

    @Inject
    ActionLog log;

    @Inject
    RestUsers users;

    @Inject
    Instance<ActionVisibility> visibility;

    @Inject
    ObjectPresentation presentation;

    @Context
    Configuration configuration;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    Request request;

    /** The caller's user; 404 outside actrack's own application or when switched off, 401 or 403 without a user. */
    Object caller() {
        if (!Boolean.TRUE.equals(configuration.getProperty(ActrackRestApplication.SERVED_BY_ACTRACK)) || !log.settings().restEnabled()) {
            throw new NotFoundException();
        }
        Principal principal = security.getUserPrincipal();
        if (principal == null) {
            throw RestProblem.NOT_AUTHENTICATED.exception();
        }
        return users.user(principal).orElseThrow(() -> RestProblem.NO_USER.exception(principal.getName()));
    }

    /** The application's visibility rules; empty when it has none (then streams are closed, or open by configuration). */
    Optional<ActionVisibility> visibility() {
        return visibility.isResolvable() ? Optional.of(visibility.get()) : Optional.empty();
    }

    /**
     * The limits of the caller's view of an object's or a whole type's stream: 404 when streams are closed, 403
     * when the application's {@link ActionVisibility} hides the object.
     */
    ActionVisibility.Limits streamLimits(Object user, Object objectOrType, String name) {
        Optional<ActionVisibility> rules = visibility();
        if (rules.isEmpty()) {
            if (!log.settings().restOpenStreams()) {
                throw RestProblem.STREAMS_CLOSED.exception();
            }
            return ActionVisibility.Limits.NONE;
        }
        if (!rules.get().maySee(user, objectOrType)) {
            throw RestProblem.NOT_YOURS.exception(name);
        }
        return rules.get().limits(user, objectOrType);
    }

    /** The action of an id given in a path: 400 when it is no id, 404 when no action has it. */
    Action action(String name, String id) {
        long actionId = RequestParameters.integer(name, id, 0, 1, Long.MAX_VALUE);
        return log.action(actionId).orElseThrow(() -> RestProblem.UNKNOWN_ACTION.exception(id));
    }

    /** Whether the action is in the caller's feed (their own actions included). */
    boolean inFeed(Object user, Action action) {
        // The actions of the feed at the action's instant: one index range per tracker, bounded by the instant.
        ActionQuery atThatInstant = log.actions(user).feed(true).since(action.timestamp())
                .until(action.timestamp().plus(1, ChronoUnit.MICROS));
        return atThatInstant.stream(100).anyMatch(found -> found.id() == action.id());
    }

    /** Whether the caller may read the action: it is in their feed, or visible in the stream of one of its objects. */
    boolean mayRead(Object user, Action action) {
        if (inFeed(user, action)) {
            return true;
        }
        Optional<ActionVisibility> rules = visibility();
        if (rules.isEmpty()) {
            return log.settings().restOpenStreams();
        }
        return Stream.of(action.actor().stream(), action.targets().stream(), action.related().stream()).flatMap(s -> s)
                .filter(object -> object != null && !(object instanceof org.actrack.DeletedItem))
                .anyMatch(object -> rules.get().maySee(user, object) && admits(rules.get().limits(user, object), action));
    }

    private static boolean admits(ActionVisibility.Limits limits, Action action) {
        return (limits.verbs().isEmpty() || limits.verbs().contains(action.verb()))
                && (limits.minLevel() == null || action.level() >= limits.minLevel())
                && (limits.since() == null || !action.timestamp().isBefore(limits.since()));
    }

    /** The representation helper of this request. */
    ActionPages pages() {
        return new ActionPages(log, uri, request, presentation);
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
