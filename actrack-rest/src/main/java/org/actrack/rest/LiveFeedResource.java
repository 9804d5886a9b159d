package org.actrack.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's live feed, {@code GET feed/events} ({@code text/event-stream}): every action that enters the feed
 * once its transaction has committed, oldest first, as an {@code action} event whose {@code id} is the action's
 * cursor (its data the plain JSON of the action), followed by an {@code unread} event with the new unread count.
 * A client that reconnects with {@code Last-Event-ID} receives what it missed, in order. See {@link LiveFeeds}.
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
     */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The caller's live feed (server-sent events), resumable with Last-Event-ID")
    public void events(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Object user = caller();
        feeds.open(new LiveFeed(log, user, security.getUserPrincipal().getName(), log.actions(user).feed(), pages().objects(), sink, sse),
                lastEventId);
    }
}
