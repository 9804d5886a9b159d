package org.actrack.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.RenderContext;

/**
 * One open live feed: the caller's feed query, what was sent, and the connection. Reads are serialized per feed,
 * so two wake-ups never send an action twice.
 *
 * <p>Actions are placed by the time they were logged, but committed in any order: an action can commit after a
 * newer one was sent. The periodic reads therefore also read the {@value #LATE_COMMIT_SECONDS} seconds below the
 * newest action sent (never below the connection's start) and skip what was sent, so such an action still
 * arrives, after the newer one, within a poll interval. An event's id is the
 * newest position sent so far: the action's own cursor, except for a late action, whose event carries the
 * newer position, so that a client resuming with it never receives an action twice.
 */
final class LiveFeed {

    private static final System.Logger LOGGER = System.getLogger(LiveFeed.class.getName());

    /** How long after a newer action a late commit is still sent live. */
    static final int LATE_COMMIT_SECONDS = 10;

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
    /** The actions sent in the last {@link #LATE_COMMIT_SECONDS} below the newest, oldest first. */
    private final TreeSet<Sent> recent = new TreeSet<>(Comparator.comparing(Sent::timestamp).thenComparingLong(Sent::id));
    private final Set<Long> recentIds = new HashSet<>();
    /** The newest position sent (or the start), as a cursor; {@code null} when the feed was empty at the start. */
    private String position;
    private Sent newest;
    /** The oldest time a late action may have: the start's action, or the first sent; before it all is past. */
    private Instant floor;
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
            List<Action> newestNow = feed.list(1);
            startsEmpty = newestNow.isEmpty();
            if (!startsEmpty) {
                // The start is a position already seen: the window below it holds the past, not late actions.
                Action start = newestNow.get(0);
                remember(new Sent(start.id(), start.timestamp(), feed.cursorOf(start)));
            }
        }
        send(sse.newEventBuilder().comment("actrack live feed").reconnectDelay(2000).build());
    }

    /**
     * Sends every action that entered the feed since the last read (with {@code withLateCommits}, also those
     * committed late below the newest sent), then the unread count if any was sent. Each batch is read through
     * {@code reads} (in a transaction: outside a request, a server's entity manager lives as
     * long as its transaction), then sent outside it.
     */
    synchronized void catchUp(LiveFeedReads reads, boolean withLateCommits) {
        if (closed || sink.isClosed()) {
            close();
            return;
        }
        if (withLateCommits && newest != null) {
            sendAll(reads.read(this::lateBatch));
        }
        String from = position;
        Batch batch;
        do {
            String anchor = from;
            batch = reads.read(() -> nextBatch(anchor));
            sendAll(batch);
            startsEmpty = startsEmpty && newest == null;
            from = batch.next();
        } while (from != null && !closed);
        forgetOlderThanTheWindow();
    }

    /** Sends a batch's actions not sent yet, then the unread count if any was. */
    private void sendAll(Batch batch) {
        int sent = 0;
        for (Outgoing outgoing : batch.events()) {
            if (closed) {
                return;
            }
            if (recentIds.contains(outgoing.sent().id())) {
                continue;
            }
            send(outgoing.event().apply(eventId(outgoing.sent())));
            if (!closed) {
                remember(outgoing.sent());
                sent++;
            }
        }
        if (sent > 0 && !closed) {
            send(sse.newEventBuilder().name("unread").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(ActivityJson.BUILDERS.createObjectBuilder().add("unread", batch.unread()).build().toString()).build());
        }
    }

    /** The actions after {@code anchor} (all of the feed when it was empty at the start), rendered. */
    private Batch nextBatch(String anchor) {
        List<Action> arrived;
        String next = null;
        if (anchor == null) {
            if (!startsEmpty) {
                return new Batch(List.of(), 0, null);
            }
            // The feed was empty when it opened: everything in it now is new.
            try (Stream<Action> stream = feed.stream(BATCH)) {
                arrived = new ArrayList<>(stream.limit(FIRST_FILL_LIMIT).toList());
            }
        } else {
            ActionPage page = feed.before(anchor).page(BATCH);
            arrived = new ArrayList<>(page.actions());
            next = page.next().orElse(null);
        }
        return rendered(arrived, next);
    }

    /**
     * The actions of the window below the newest action sent that were not sent: those whose transaction
     * committed after newer ones were read.
     */
    private Batch lateBatch() {
        Instant windowStart = newest.timestamp().minusSeconds(LATE_COMMIT_SECONDS);
        if (windowStart.isBefore(floor)) {
            windowStart = floor;
        }
        List<Action> late;
        try (Stream<Action> window = feed.since(windowStart).until(newest.timestamp().plus(1, ChronoUnit.MICROS)).stream(BATCH)) {
            late = new ArrayList<>(window.filter(action -> !recentIds.contains(action.id())).limit(FIRST_FILL_LIMIT).toList());
        }
        return rendered(late, null);
    }

    /** Actions read newest first, as events oldest first, without those sent already. */
    private Batch rendered(List<Action> newestFirst, String next) {
        List<Action> arrived = new ArrayList<>(newestFirst);
        Collections.reverse(arrived);
        arrived.removeIf(action -> recentIds.contains(action.id()));
        if (arrived.isEmpty()) {
            return new Batch(List.of(), 0, next);
        }
        List<Boolean> unread = log.areUnreadFor(user, arrived);
        List<Outgoing> events = new ArrayList<>(arrived.size());
        for (int i = 0; i < arrived.size(); i++) {
            Action action = arrived.get(i);
            String summary = log.render(action, RenderContext.forUser(user).withUnread(unread.get(i)));
            String data = json.plainAction(action, summary, unread.get(i)).toString();
            events.add(new Outgoing(new Sent(action.id(), action.timestamp(), feed.cursorOf(action)), id -> sse.newEventBuilder().id(id)
                    .name("action").mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build()));
        }
        return new Batch(events, log.unreadCount(user), next);
    }

    /** The event id of an action about to be sent: its own cursor, or the newer position already sent. */
    private String eventId(Sent action) {
        return newest == null || recent.comparator().compare(action, newest) > 0 ? action.cursor() : newest.cursor();
    }

    private void remember(Sent action) {
        if (floor == null) {
            floor = action.timestamp();
        }
        recent.add(action);
        recentIds.add(action.id());
        if (newest == null || recent.comparator().compare(action, newest) > 0) {
            newest = action;
            position = action.cursor();
        }
    }

    private void forgetOlderThanTheWindow() {
        if (newest == null) {
            return;
        }
        Instant windowStart = newest.timestamp().minusSeconds(LATE_COMMIT_SECONDS);
        if (windowStart.isBefore(floor)) {
            windowStart = floor;
        }
        while (!recent.isEmpty() && recent.first().timestamp().isBefore(windowStart)) {
            recentIds.remove(recent.pollFirst().id());
        }
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

    /** An action sent: its id, time and cursor. */
    private record Sent(long id, Instant timestamp, String cursor) {
    }

    /** An action to send, and its event once its id is known. */
    private record Outgoing(Sent sent, Function<String, OutboundSseEvent> event) {
    }

    /** What one read gave: the events, the unread count after them, and where the next read starts when more wait. */
    private record Batch(List<Outgoing> events, long unread, String next) {
    }
}
