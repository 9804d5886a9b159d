/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionQuery;
import org.actrack.DeletedItem;
import org.actrack.FeedScope;
import org.actrack.StreamLimits;
import org.actrack.spi.Integration;

/**
 * One caller's view of what actrack-rest may show them: the one rule every route applies. An action is shown to a
 * caller only through a stream they may read, as far as its limits go:
 * <ul>
 * <li>their feed shows what their trackers match, each tracker as far as the stream of its object (or type) is
 * visible to them ({@link #feedScope()}, applied inside the query);</li>
 * <li>an object's or a type's stream, and following it, needs {@link ActionVisibility#maySee} (403 otherwise), or,
 * without a visibility bean, {@code actrack.rest.open-streams=true} (404 otherwise);</li>
 * <li>a single action is readable when its feed shows it or the stream of one of its objects, or of their types,
 * does.</li>
 * </ul>
 * Without an {@link ActionVisibility} bean the feed is the plain feed: its trackers were made by the application or,
 * over HTTP, only where streams are open.
 */
final class Visibility {

    private final ActionLog log;
    private final boolean openStreams;
    private final Optional<ActionVisibility> rules;
    private final Object user;

    Visibility(ActionLog log, boolean openStreams, Optional<ActionVisibility> rules, Object user) {
        this.log = log;
        this.openStreams = openStreams;
        this.rules = rules;
        this.user = user;
    }

    /** Whether the application has visibility rules (an {@link ActionVisibility} bean). */
    boolean hasRules() {
        return rules.isPresent();
    }

    /** The caller's feed as they may see it. */
    ActionQuery feed() {
        return rules.isEmpty() ? log.actions(user).feed() : log.actions(user).feed(feedScope());
    }

    /** The caller's feed as they may see it, each tracker counting from its creation when {@code sinceFollowed}. */
    ActionQuery feed(boolean sinceFollowed) {
        return sinceFollowed ? log.actions(user).feed(feedScope().sinceFollowed()) : feed();
    }

    /**
     * The caller's feed as they may see it, each tracker counting from its creation when {@code sinceFollowed}, and
     * only the trackers with a flag when one is given ({@code null}: every tracker).
     */
    ActionQuery feed(boolean sinceFollowed, String flag) {
        if (flag == null) {
            return feed(sinceFollowed);
        }
        FeedScope scope = feedScope().flagged(flag);
        return log.actions(user).feed(sinceFollowed ? scope.sinceFollowed() : scope);
    }

    /**
     * How far each of the caller's trackers counts: as far as the caller may see the stream of its object (or type);
     * a tracker of an object that no longer exists, or that the rules hide, counts not at all.
     */
    FeedScope feedScope() {
        if (rules.isEmpty()) {
            return FeedScope.ALL;
        }
        ActionVisibility visibility = rules.get();
        return tracker -> tracker.tracked()
                .filter(object -> visibility.maySee(user, object))
                .map(object -> visibility.limits(user, object));
    }

    /**
     * The limits of the caller's view of an object's or a whole type's stream: 404 when streams are closed (no rules,
     * not open), 403 when the rules hide the object.
     *
     * @param name how the object is named in the problem
     */
    StreamLimits streamLimits(Object objectOrType, String name) {
        if (rules.isEmpty()) {
            if (!openStreams) {
                throw RestProblem.STREAMS_CLOSED.exception();
            }
            return StreamLimits.NONE;
        }
        if (!rules.get().maySee(user, objectOrType)) {
            throw RestProblem.NOT_YOURS.exception(name);
        }
        return rules.get().limits(user, objectOrType);
    }

    /**
     * The limits of a custom stream read for an object or type: as its own stream's, when the rules let the caller
     * read that custom stream for it ({@link ActionVisibility#maySeeStream}).
     */
    StreamLimits customStreamLimits(String stream, Object objectOrType, String name) {
        if (rules.isPresent() && !rules.get().maySeeStream(user, stream, objectOrType)) {
            throw RestProblem.NOT_YOURS.exception(name + " (" + stream + ")");
        }
        return streamLimits(objectOrType, name);
    }

    /** Whether the caller may see an object's stream, without a problem when not. */
    boolean maySee(Object objectOrType) {
        return rules.map(visibility -> visibility.maySee(user, objectOrType)).orElse(openStreams);
    }

    /** Whether the action is in the caller's feed as they may see it. */
    boolean inFeed(Action action) {
        // The feed at the action's instant: one index range per tracker, bounded by the instant.
        ActionQuery atThatInstant =
                feed().since(action.timestamp()).until(action.timestamp().plus(1, ChronoUnit.MICROS));
        return atThatInstant.stream(100).anyMatch(found -> found.id() == action.id());
    }

    /** Whether the caller may read the action: its feed shows it, or the stream of one of its objects or their types does. */
    boolean mayRead(Action action) {
        if (inFeed(action)) {
            return true;
        }
        if (rules.isEmpty()) {
            return openStreams;
        }
        ActionVisibility visibility = rules.get();
        List<Object> streams = new ArrayList<>();
        action.actor().ifPresent(streams::add);
        streams.addAll(action.targets());
        streams.addAll(action.related());
        streams.removeIf(DeletedItem.class::isInstance);
        List<org.actrack.ObjectRef> refs = new ArrayList<>();
        action.actorRef().ifPresent(refs::add);
        refs.addAll(action.targetRefs());
        refs.addAll(action.relatedRefs());
        refs.stream()
                .map(org.actrack.ObjectRef::type)
                .distinct()
                .forEach(type ->
                        log.unwrap(Integration.class).connectedType(type).ifPresent(streams::add));
        return streams.stream()
                .anyMatch(stream -> visibility.maySee(user, stream)
                        && visibility.limits(user, stream).admits(action.verb(), action.level(), action.timestamp()));
    }
}
