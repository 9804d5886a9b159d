package org.actrack.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.RenderContext;

/**
 * One open live feed: the caller's feed query, the position of the last action sent, and the connection. Reads
 * are serialized per feed, so two wake-ups never send an action twice.
 */
final class LiveFeed {

    private static final System.Logger LOGGER = System.getLogger(LiveFeed.class.getName());

    /** Actions read per query while catching up. */
    private static final int BATCH = 100;

    /** The most actions sent when the feed was empty at opening and then fills: older ones stay in the feed. */
    private static final int FIRST_FILL_LIMIT = 1000;

    private static final long SEND_TIMEOUT_SECONDS = 5;

    private final ActionLog log;
    private final Object user;
    private final String owner;
    private final ActionQuery feed;
    private final ActivityJson json;
    private final SseEventSink sink;
    private final Sse sse;
    private String position;
    private boolean startsEmpty;
    private volatile boolean closed;

    LiveFeed(ActionLog log, Object user, String owner, ActionQuery feed, ObjectAddresses objects, SseEventSink sink, Sse sse) {
        this.log = log;
        this.user = user;
        this.owner = owner;
        this.feed = feed;
        this.json = new ActivityJson(objects);
        this.sink = sink;
        this.sse = sse;
    }

    /** Who holds it: the caller's principal name. */
    String owner() {
        return owner;
    }

    /**
     * Places the feed: after the client's last event when it resumes (the cursor is checked here, so a bad one is
     * a 400 before the stream opens), else after the newest action of the feed now.
     */
    synchronized void start(String lastEventId) {
        if (lastEventId != null && !lastEventId.isEmpty()) {
            feed.before(lastEventId).page(1);
            position = lastEventId;
        } else {
            List<Action> newest = feed.list(1);
            position = newest.isEmpty() ? null : feed.cursorOf(newest.get(0));
            startsEmpty = newest.isEmpty();
        }
        send(sse.newEventBuilder().comment("actrack live feed").reconnectDelay(2000).build());
    }

    /**
     * Sends every action newer than the position, oldest first, then the unread count if any was sent. Each batch
     * is read through {@code reads} (in a transaction: outside a request, a server's entity manager lives as long as
     * its transaction), then sent outside it.
     */
    synchronized void catchUp(LiveFeedReads reads) {
        if (closed || sink.isClosed()) {
            close();
            return;
        }
        Batch batch;
        do {
            batch = reads.read(this::nextBatch);
            for (Outgoing outgoing : batch.events()) {
                send(outgoing.event());
                if (closed) {
                    return;
                }
                position = outgoing.cursor();
                startsEmpty = false;
            }
            if (!batch.events().isEmpty()) {
                send(sse.newEventBuilder().name("unread").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(ActivityJson.BUILDERS.createObjectBuilder().add("unread", batch.unread()).build().toString()).build());
            }
        } while (batch.more() && !closed);
    }

    /** The next actions to send, rendered, with the unread count after them. */
    private Batch nextBatch() {
        List<Action> arrived;
        boolean more;
        if (position == null) {
            if (!startsEmpty) {
                return new Batch(List.of(), 0, false);
            }
            // The feed was empty when it opened: everything in it now is new.
            try (Stream<Action> stream = feed.stream(BATCH)) {
                arrived = new ArrayList<>(stream.limit(FIRST_FILL_LIMIT).toList());
            }
            more = false;
        } else {
            ActionPage page = feed.before(position).page(BATCH);
            arrived = new ArrayList<>(page.actions());
            more = page.hasNext();
        }
        Collections.reverse(arrived);
        if (arrived.isEmpty()) {
            return new Batch(List.of(), 0, false);
        }
        List<Boolean> unread = log.areUnreadFor(user, arrived);
        List<Outgoing> events = new ArrayList<>(arrived.size());
        for (int i = 0; i < arrived.size(); i++) {
            Action action = arrived.get(i);
            String summary = log.render(action, RenderContext.forUser(user).withUnread(unread.get(i)));
            String cursor = feed.cursorOf(action);
            events.add(new Outgoing(cursor, sse.newEventBuilder().id(cursor).name("action").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json.plainAction(action, summary, unread.get(i)).toString()).build()));
        }
        return new Batch(events, log.unreadCount(user), more);
    }

    /** A comment that keeps proxies from closing an idle connection, and tells whether the client is still there. */
    synchronized void heartbeat() {
        if (!closed) {
            send(sse.newEventBuilder().comment("heartbeat").build());
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            LOGGER.log(System.Logger.Level.DEBUG, "A live feed's connection was already closed", alreadyGone);
        }
    }

    /** Sends one event and waits for it to be written; a client that is gone closes the feed. */
    private void send(OutboundSseEvent event) {
        try {
            sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            close();
        } catch (ExecutionException | TimeoutException | RuntimeException gone) {
            LOGGER.log(System.Logger.Level.DEBUG, "A live feed of " + owner + " closed: " + gone);
            close();
        }
    }

    /** An event and the position it moves the feed to once sent. */
    private record Outgoing(String cursor, OutboundSseEvent event) {
    }

    /** What one read gave: the events, the unread count after them, and whether more actions wait. */
    private record Batch(List<Outgoing> events, long unread, boolean more) {
    }
}
