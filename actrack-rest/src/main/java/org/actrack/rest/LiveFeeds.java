/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.actrack.ActionKey;
import org.actrack.ActionLog;
import org.actrack.ActionQuery;
import org.actrack.ActionStored;
import org.actrack.ObjectRef;
import org.actrack.TrackersChanged;
import org.actrack.spi.ActrackMetrics;
import org.actrack.spi.Worker;

/**
 * The open live feeds of this node: who holds which (a user holds at most {@code actrack.rest.max-live-feeds}), and
 * what feeds them ({@link LiveDispatcher}), started with the first feed:
 * <ul>
 * <li>this node's commits, from {@link ActionStored} after commit, and its tracker changes ({@link TrackersChanged});</li>
 * <li>other nodes' commits and tracker changes, from {@link LiveFeedSignals} (PostgreSQL's notifications by default),
 * and from the periodic read every {@code actrack.rest.poll-seconds} (0: never; a single node needs none);</li>
 * <li>a tick every second: heartbeats after {@code actrack.rest.heartbeat-seconds} of silence, and the end of feeds
 * whose client stopped reading.</li>
 * </ul>
 * No request thread waits on another feed, and nothing here holds a lock while it calls the persistence provider: a
 * request registers its feed and returns; everything else happens on the dispatcher and the senders
 * ({@link LiveThreads}).
 */
@ApplicationScoped
class LiveFeeds implements Worker {

    /** How long one round of the live feeds may run before liveness reports them stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(60);

    private static final System.Logger LOGGER = System.getLogger(LiveFeeds.class.getName());

    /** How long an open waits for the user's other feeds to prove they are still read, when the user is at the limit. */
    private static final Duration PROBE_WAIT = Duration.ofSeconds(2);

    @Inject
    ActionLog log;

    @Inject
    RestConfiguration rest;

    @Inject
    ReadTransaction reads;

    @Inject
    Instance<LiveFeedSignals> signals;

    @Inject
    Instance<ActrackMetrics> metrics;

    private final Map<ObjectRef, Set<LiveFeed>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<LiveFeed>> bySession = new ConcurrentHashMap<>();
    private final Map<String, ActivityJson> documents = new ConcurrentHashMap<>();
    private volatile Running running;

    /**
     * Opens a feed: 429 when the user holds as many as allowed and all of them are still read.
     *
     * @param resumeFrom the client's {@code Last-Event-ID}, or {@code null}
     * @param floor the position it names, or {@code null}
     */
    void open(
            LiveFeed.Owner owner,
            ActionQuery feed,
            Visibility visibility,
            ObjectAddresses objects,
            Sse sse,
            SseEventSink sink,
            String resumeFrom,
            ActionKey floor) {
        Running started = start();
        int limit = rest.settings().maxLiveFeeds();
        if (held(owner.ref()) >= limit) {
            probe(owner.ref());
            if (held(owner.ref()) >= limit) {
                throw RestProblem.TOO_MANY_LIVE_FEEDS.exceptionWithHeader("Retry-After", "10", held(owner.ref()));
            }
        }
        ActivityJson json = documents.computeIfAbsent(objects.action(0), base -> new ActivityJson(objects));
        // A feed opened afresh starts now: what was logged before is in the pages the client read.
        ActionKey start = floor != null ? floor : new ActionKey(Instant.now(), Long.MIN_VALUE);
        LiveFeed live = new LiveFeed(
                owner,
                feed,
                visibility,
                json,
                sse,
                sink,
                started.threads().senders(),
                LogWindow.LATE_WINDOW,
                resumeFrom,
                start,
                this::forget,
                metrics());
        metrics().liveFeedOpened();
        byUser.computeIfAbsent(owner.ref(), user -> ConcurrentHashMap.newKeySet())
                .add(live);
        if (owner.session() != null) {
            bySession
                    .computeIfAbsent(owner.session(), session -> ConcurrentHashMap.newKeySet())
                    .add(live);
        }
        started.dispatcher().opened(live);
    }

    /** How many feeds are open on this node. */
    @Override
    public String name() {
        return "live-feeds";
    }

    /**
     * Expected once the first live feed opened (the threads start with it); running while their clock ticks and their
     * threads take work.
     */
    @Override
    public Worker.State state() {
        Running started = running;
        if (started == null) {
            return new Worker.State(false, false, null, STUCK_AFTER, "no live feed opened yet");
        }
        boolean alive = !started.ticks().isDone()
                && !started.threads().isShutdown()
                && !started.dispatcher().stopped();
        return new Worker.State(
                true, alive, started.dispatcher().busySince(), STUCK_AFTER, openFeeds() + " feeds open");
    }

    int openFeeds() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    void onStored(@Observes ActionStored stored) {
        Running started = running;
        if (started != null && !byUser.isEmpty()) {
            started.dispatcher().stored(stored);
        }
    }

    void onTrackersChanged(@Observes TrackersChanged changed) {
        Running started = running;
        if (started != null && byUser.containsKey(changed.owner())) {
            started.dispatcher().trackersChanged(changed.owner());
        }
    }

    /** Closes the feeds opened in an HTTP session that ended. */
    void sessionEnded(String session) {
        Set<LiveFeed> feeds = bySession.remove(session);
        if (feeds != null) {
            feeds.forEach(LiveFeed::close);
        }
    }

    @PreDestroy
    void stop() {
        Running started = running;
        running = null;
        if (started != null) {
            started.dispatcher().stop();
        }
        byUser.values().forEach(feeds -> List.copyOf(feeds).forEach(LiveFeed::close));
        if (started != null) {
            started.ticks().cancel(false);
            try {
                started.signals().close();
            } catch (Exception closing) {
                LOGGER.log(System.Logger.Level.DEBUG, "The live feeds' signals did not close cleanly", closing);
            }
            started.threads().shutdown();
        }
    }

    private int held(ObjectRef user) {
        Set<LiveFeed> feeds = byUser.get(user);
        return feeds == null
                ? 0
                : (int) feeds.stream().filter(feed -> !feed.isClosed()).count();
    }

    /** Asks each feed of the user whether its client is still there; those gone close and free their slots. */
    private void probe(ObjectRef user) {
        Set<LiveFeed> feeds = byUser.getOrDefault(user, Set.of());
        CompletableFuture<?>[] probes = feeds.stream().map(LiveFeed::probe).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(probes).get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException slowOrGone) {
            LOGGER.log(
                    System.Logger.Level.DEBUG, "Probing the live feeds of {0}: {1}", user, String.valueOf(slowOrGone));
        }
    }

    private ActrackMetrics metrics() {
        return metrics.isResolvable() ? metrics.get() : ActrackMetrics.NONE;
    }

    private void forget(LiveFeed feed) {
        metrics().liveFeedClosed();
        Set<LiveFeed> feeds = byUser.get(feed.owner().ref());
        if (feeds != null) {
            feeds.remove(feed);
            if (feeds.isEmpty()) {
                byUser.remove(feed.owner().ref(), feeds);
            }
        }
        if (feed.owner().session() != null) {
            Set<LiveFeed> ofSession = bySession.get(feed.owner().session());
            if (ofSession != null) {
                ofSession.remove(feed);
            }
        }
        Running started = running;
        if (started != null) {
            started.dispatcher().closed(feed);
        }
    }

    /** Starts the threads, the dispatcher, its ticks and the signals, with the first feed (in a request: JNDI is there). */
    private Running start() {
        Running started = running;
        if (started != null) {
            return started;
        }
        synchronized (this) {
            if (running == null) {
                LiveThreads threads = LiveThreads.lookUp();
                LiveDispatcher dispatcher = new LiveDispatcher(log, rest.settings(), reads, threads, Clock.systemUTC());
                ScheduledFuture<?> ticks =
                        threads.ticks().scheduleWithFixedDelay(dispatcher::tick, 1, 1, TimeUnit.SECONDS);
                AutoCloseable subscription = signals.get()
                        .subscribe(dispatcher::notified, work -> threads.thread("actrack-live-listener", work));
                running = new Running(threads, dispatcher, ticks, subscription);
            }
            return running;
        }
    }

    /** What runs while feeds are open. */
    private record Running(
            LiveThreads threads, LiveDispatcher dispatcher, ScheduledFuture<?> ticks, AutoCloseable signals) {}
}
