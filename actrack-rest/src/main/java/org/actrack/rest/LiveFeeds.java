package org.actrack.rest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.actrack.ActionLog;
import org.actrack.ActionStored;
import org.actrack.ActrackSettings;

/**
 * The open live feeds of this node, and what wakes them:
 * <ul>
 * <li>an action committed on this node ({@link ActionStored}, fired after commit): every feed reads what is new
 * for it, at once;</li>
 * <li>every {@code actrack.rest.poll-seconds} (default 2): the same read, which brings actions committed on
 * other nodes of a cluster sharing the database (0 turns it off, for a single node), and also actions committed
 * late (see {@link LiveFeed}; at each heartbeat when polls are off);</li>
 * <li>every {@code actrack.rest.heartbeat-seconds} (default 20): a comment on each feed, which keeps proxies
 * from closing it and finds the clients that left.</li>
 * </ul>
 * Wake-ups are coalesced: one thread reads the feeds, and a wake-up during a read makes one more read. A user
 * holds at most {@code actrack.rest.max-live-feeds} (default 5) on one node. The thread comes from the server's
 * default managed thread factory ({@code java:comp/DefaultManagedThreadFactory}), or is a plain one outside a
 * server. A client that stops reading holds the thread for at most 5 seconds, then its feed is closed.
 *
 * <p>Actions are placed by the time they were logged; {@link LiveFeed} also sends those whose transaction commits
 * up to {@value LiveFeed#LATE_COMMIT_SECONDS} seconds after a newer action was sent.
 */
@ApplicationScoped
public class LiveFeeds {

    private static final System.Logger LOGGER = System.getLogger(LiveFeeds.class.getName());

    private final List<LiveFeed> feeds = new CopyOnWriteArrayList<>();
    private final Object signal = new Object();
    private boolean wanted;
    private volatile boolean running = true;
    private Thread worker;

    @Inject
    ActionLog log;

    @Inject
    LiveFeedReads reads;

    /**
     * Opens a feed: refused with 429 beyond the user's limit, with 400 when the {@code Last-Event-ID} is no cursor
     * of the feed.
     */
    void open(LiveFeed feed, String lastEventId) {
        ActrackSettings settings = log.settings();
        synchronized (this) {
            startWorker(settings);
            feeds.removeIf(LiveFeed::isClosed);
            long held = feeds.stream().filter(open -> open.owner().equals(feed.owner())).count();
            if (held >= settings.restMaxLiveFeeds()) {
                throw RestProblem.TOO_MANY_LIVE_FEEDS.exception(held);
            }
            feeds.add(feed);
        }
        try {
            feed.start(lastEventId);
        } catch (RuntimeException refused) {
            feeds.remove(feed);
            throw refused;
        }
        wake();
    }

    /** How many feeds are open on this node. */
    int openFeeds() {
        return (int) feeds.stream().filter(feed -> !feed.isClosed()).count();
    }

    void onStored(@Observes ActionStored stored) {
        if (!feeds.isEmpty()) {
            wake();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
        feeds.forEach(LiveFeed::close);
    }

    /** Makes the worker read the feeds: now, or once more after the read under way. */
    private void wake() {
        synchronized (signal) {
            wanted = true;
            signal.notifyAll();
        }
    }

    /**
     * The one thread that reads and writes the feeds: woken by commits, and at the poll and heartbeat intervals.
     * One thread, so that feeds are never read twice at once, and the server's context captured for it is used by
     * one thread only.
     */
    private void work(ActrackSettings settings) {
        long heartbeat = TimeUnit.SECONDS.toNanos(settings.restHeartbeatSeconds());
        long poll = TimeUnit.SECONDS.toNanos(settings.restPollSeconds());
        long nextHeartbeat = System.nanoTime() + heartbeat;
        long nextPoll = poll == 0 ? Long.MAX_VALUE : System.nanoTime() + poll;
        while (running) {
            boolean read;
            try {
                synchronized (signal) {
                    long wait = Math.min(nextHeartbeat, nextPoll) - System.nanoTime();
                    if (!wanted && wait > 0) {
                        TimeUnit.NANOSECONDS.timedWait(signal, wait);
                    }
                    read = wanted;
                    wanted = false;
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = System.nanoTime();
            boolean heartbeatDue = now - nextHeartbeat >= 0;
            // Timed reads also look for late commits: at each poll, or at each heartbeat when polls are off.
            boolean timed = poll != 0 ? now - nextPoll >= 0 : heartbeatDue;
            if (poll != 0 && timed) {
                nextPoll = now + poll;
            }
            if (read || timed) {
                readAll(timed);
            }
            if (heartbeatDue) {
                feeds.forEach(LiveFeed::heartbeat);
                nextHeartbeat = now + heartbeat;
            }
            feeds.removeIf(LiveFeed::isClosed);
        }
    }

    private void readAll(boolean withLateCommits) {
        for (LiveFeed feed : feeds) {
            try {
                feed.catchUp(reads, withLateCommits);
            } catch (RuntimeException failed) {
                LOGGER.log(System.Logger.Level.WARNING, "A live feed of " + feed.owner() + " could not be read; it is closed", failed);
                feed.close();
            }
        }
    }

    /** Starts the worker with the first feed (its thread factory is looked up in a request, where java:comp is there). */
    private void startWorker(ActrackSettings settings) {
        if (worker != null) {
            return;
        }
        Runnable work = () -> {
            try {
                work(settings);
            } catch (RuntimeException | Error failed) {
                LOGGER.log(System.Logger.Level.ERROR, "actrack-rest's live feeds stopped", failed);
                throw failed;
            }
        };
        worker = threads().newThread(work);
        worker.setName("actrack-live-feeds");
        worker.setDaemon(true);
        worker.start();
    }

    private static ThreadFactory threads() {
        try {
            return (ThreadFactory) new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | ClassCastException notInAServer) {
            LOGGER.log(System.Logger.Level.INFO, "actrack-rest found no managed thread factory ({0}); live feeds use a plain thread",
                    notInAServer.toString());
            return Thread::new;
        }
    }
}
