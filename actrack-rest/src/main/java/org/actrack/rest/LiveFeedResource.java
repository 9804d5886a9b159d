/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.actrack.ActionKey;
import org.actrack.ActionQuery;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's live feed, {@code GET feed/events} ({@code text/event-stream}): every action that enters the feed (as
 * the caller may see it) once its transaction has committed, on this node or another, oldest first, as an
 * {@code action} event whose {@code id} is a position to resume from (its data the plain JSON of the action), followed
 * by an {@code unread} event with the new unread count. A client that reconnects with {@code Last-Event-ID} receives
 * what it missed, in order, nothing twice. The feed closes when the HTTP session it was opened in ends. See
 * {@link LiveFeeds}.
 */
@Path("feed/events")
@RequestScoped
@Tag(name = "feed")
public class LiveFeedResource extends ActrackResource {

    @Inject
    LiveFeeds feeds;

    /**
     * Opens the caller's live feed.
     *
     * @param sink where the events go
     * @param sse the event factory
     * @param lastEventId the id of the last event the client received, when it reconnects
     * @param lastEventIdParameter the same as a query parameter, for a first connection that continues a page (the
     *        feed page's {@code live} link); the header wins
     * @param servletRequest the request, for its session
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The caller's live feed (server-sent events), resumable with Last-Event-ID (or ?lastEventId=)")
    public void events(
            @Context SseEventSink sink,
            @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("lastEventId") String lastEventIdParameter,
            @Context HttpServletRequest servletRequest) {
        if (lastEventId == null || lastEventId.isEmpty()) {
            lastEventId = lastEventIdParameter;
        }
        Object user = caller();
        Visibility visibility = visibility(user);
        ActionQuery feed = visibility.feed();
        boolean resumes = lastEventId != null && !lastEventId.isEmpty();
        ActionKey floor = resumes ? feed.positionOf(lastEventId) : null;
        HttpSession session = servletRequest == null ? null : servletRequest.getSession(false);
        LiveFeed.Owner owner = new LiveFeed.Owner(
                user,
                integration().fanout().ref(user),
                security.getUserPrincipal().getName(),
                session == null ? null : session.getId());
        feeds.open(owner, feed, visibility, pages().objects(), sse, sink, resumes ? lastEventId : null, floor);
    }
}
