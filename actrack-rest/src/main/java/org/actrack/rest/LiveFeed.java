/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.ActionQuery;
import org.actrack.ObjectRef;
import org.actrack.spi.ActrackMetrics;

/**
 * One open live feed: whose it is, what it matches ({@link FeedMatcher}), what it sent ({@link FeedWindow}) and its
 * connection ({@link Outbox}). Its matcher and window are used by the dispatcher thread only; sending goes through the
 * outbox from any thread. Closing is idempotent and may come from any thread (a failed write, the session's end).
 */
final class LiveFeed {

    private static final System.Logger LOGGER = System.getLogger(LiveFeed.class.getName());

    /** How far apart the writes of a probe go. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(150);

    private final Owner owner;
    private final ActrackMetrics metrics;
    private final ActionQuery feed;
    private final Visibility visibility;
    private final ActivityJson json;
    private final Sse sse;
    private final SseEventSink sink;
    private final Outbox outbox;
    private final FeedWindow window;
    private final String resumeFrom;
    private final Consumer<LiveFeed> closed;
    private final Executor senders;
    private volatile FeedMatcher matcher;
    private volatile boolean isClosed;

    /**
     * @param resumeFrom the client's {@code Last-Event-ID}, or {@code null} for a feed opened afresh
     * @param floor the position {@code resumeFrom} names, or {@code null}
     * @param closed told once when the feed closes
     */
    LiveFeed(
            Owner owner,
            ActionQuery feed,
            Visibility visibility,
            ActivityJson json,
            Sse sse,
            SseEventSink sink,
            Executor senders,
            Duration lateWindow,
            String resumeFrom,
            ActionKey floor,
            Consumer<LiveFeed> closed,
            ActrackMetrics metrics) {
        this.metrics = metrics;
        this.owner = owner;
        this.feed = feed;
        this.visibility = visibility;
        this.json = json;
        this.sse = sse;
        this.sink = sink;
        this.resumeFrom = resumeFrom;
        this.closed = closed;
        this.senders = senders;
        this.window = new FeedWindow(lateWindow, floor);
        this.outbox = new Outbox(sink, senders, this::failed);
    }

    Owner owner() {
        return owner;
    }

    /** The caller's feed as they may see it: for cursors, and the catch-up of a resumed feed. */
    ActionQuery feed() {
        return feed;
    }

    Visibility visibility() {
        return visibility;
    }

    ActivityJson json() {
        return json;
    }

    /** The client's {@code Last-Event-ID}, when it resumed. */
    Optional<String> resumeFrom() {
        return Optional.ofNullable(resumeFrom);
    }

    FeedMatcher matcher() {
        return matcher;
    }

    void matcher(FeedMatcher newMatcher) {
        this.matcher = newMatcher;
    }

    Outbox outbox() {
        return outbox;
    }

    boolean isClosed() {
        return isClosed;
    }

    /** Says the stream is open and how soon to reconnect. */
    void greet() {
        send(sse.newEventBuilder()
                .comment("actrack live feed")
                .reconnectDelay(2000)
                .build());
    }

    /**
     * Sends, as one batch, the actions that entered the feed (those not sent already and not older than the client's
     * resume position), then the user's unread and unseen counts when an action went.
     *
     * @param actions the actions, oldest first
     * @param data the plain JSON of each action for this feed's user
     * @param cursors each action's cursor in this feed's user's feed ({@link #feed()}), the events' ids
     * @param badge the user's unread and unseen counts after them
     */
    void send(List<Action> actions, List<String> data, List<String> cursors, LiveDispatcher.Badge badge) {
        List<OutboundSseEvent> events = new ArrayList<>(actions.size() + 1);
        List<Action> sent = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            String document = data.get(i);
            Action action = actions.get(i);
            window.place(ActionKey.of(action), cursors.get(i)).ifPresent(id -> {
                sent.add(action);
                events.add(sse.newEventBuilder()
                        .id(id)
                        .name("action")
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(document)
                        .build());
            });
        }
        if (!events.isEmpty()) {
            events.add(sse.newEventBuilder()
                    .name("unread")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(ActivityJson.BUILDERS
                            .createObjectBuilder()
                            .add("unread", badge.unread())
                            .add("unseen", badge.unseen())
                            .build()
                            .toString())
                    .build());
            send(events);
            java.time.Instant now = java.time.Instant.now();
            sent.forEach(action -> metrics.liveActionSent(Duration.between(action.timestamp(), now)));
        }
    }

    /** A comment that keeps proxies from closing an idle connection, and finds the clients that left. */
    void heartbeat() {
        send(sse.newEventBuilder().comment("heartbeat").build());
    }

    /**
     * Whether the client is still there: comments are written a moment apart (a connection the client closed takes the
     * first, its peer answers with a reset, and the next write fails). Completes with {@code false}, the feed closed,
     * when it is gone.
     */
    CompletableFuture<Boolean> probe() {
        if (isClosed) {
            return CompletableFuture.completedFuture(false);
        }
        Executor later = CompletableFuture.delayedExecutor(
                PROBE_INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, senders);
        return outbox.offer(
                        List.of(sse.newEventBuilder().comment("are you there").build()))
                .thenComposeAsync(
                        first -> outbox.offer(List.of(
                                sse.newEventBuilder().comment("still there").build())),
                        later)
                .thenComposeAsync(
                        second -> outbox.offer(List.of(
                                sse.newEventBuilder().comment("heartbeat").build())),
                        later)
                .handle((written, error) -> {
                    if (error != null) {
                        failed(error);
                    }
                    return error == null && !isClosed;
                });
    }

    /**
     * Closes the feed at once (its slot is free, nothing more is queued) and its connection soon after, on a sender
     * thread: a runtime may make {@code close} wait for a write blocked on a client that stopped reading, which must
     * hold up no one else. What the client resumes from is its last event.
     */
    void close() {
        if (isClosed) {
            return;
        }
        isClosed = true;
        closed.accept(this);
        try {
            senders.execute(this::closeConnection);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            closeConnection();
        }
    }

    private void closeConnection() {
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            LOGGER.log(System.Logger.Level.DEBUG, "A live feed's connection was already closed", alreadyGone);
        }
    }

    private void send(OutboundSseEvent event) {
        send(List.of(event));
    }

    private void send(List<OutboundSseEvent> events) {
        if (isClosed) {
            return;
        }
        outbox.offer(events).whenComplete((written, error) -> {
            if (error != null) {
                failed(error);
            }
        });
    }

    private void failed(Throwable error) {
        if (!isClosed) {
            LOGGER.log(
                    System.Logger.Level.DEBUG,
                    "A live feed of {0} closes: {1}",
                    owner.principal(),
                    String.valueOf(error));
            close();
        }
    }

    /**
     * Whose feed it is.
     *
     * @param user the user entity
     * @param ref the user's reference
     * @param principal the caller's principal name
     * @param session the HTTP session the feed was opened in, or {@code null}
     */
    record Owner(Object user, ObjectRef ref, String principal, String session) {}
}
