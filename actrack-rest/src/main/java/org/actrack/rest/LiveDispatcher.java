/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.ActionStored;
import org.actrack.ObjectRef;
import org.actrack.RenderContext;
import org.actrack.spi.Fanout;
import org.actrack.spi.Integration;
import org.actrack.spi.Notifications;

/**
 * The one thread that feeds a node's live feeds, a round at a time. A round takes what happened since the last:
 * <ol>
 * <li>users whose trackers changed (this node's {@code TrackersChanged} events, other nodes' notifications, or the
 * periodic read of the changes): their feeds' matchers are rebuilt;</li>
 * <li>new actions: those committed on this node (their {@code ActionStored} events, matched without reading the
 * database), and, when another node notified or the periodic read is due, those the log holds that this node has not
 * seen ({@link LogWindow}): one read of the whole log for all feeds, never one per feed;</li>
 * <li>feeds opened since, filed in the index ({@link SubscriptionIndex}); resumed ones get what they missed;</li>
 * <li>delivery, in one transaction: the actions that entered some feed are loaded once, their unread state for all
 * their readers read in one statement, rendered once per reader in one call, and queued on each feed with the
 * readers' new unread counts.</li>
 * </ol>
 * Only the feeds an action enters are touched: an idle feed costs nothing. State here is the dispatcher's alone; other
 * threads hand it inputs through concurrent queues. A round that fails is logged and the next one goes on.
 */
final class LiveDispatcher {

    private static final System.Logger LOGGER = System.getLogger(LiveDispatcher.class.getName());

    /** The most actions a resumed feed is sent of what it missed; older ones are in its pages. */
    static final int CATCH_UP_LIMIT = 1000;

    /** How long a write to one client may take before its feed is closed as a client that stopped reading. */
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private static final int LOAD_CHUNK = 1000;

    private final ActionLog log;
    private final Fanout fanout;
    private final ReadTransaction reads;
    private final LiveThreads threads;
    private final LogWindow window;
    private final Duration heartbeat;
    private final SubscriptionIndex index = new SubscriptionIndex();

    private final ConcurrentLinkedQueue<ActionStored> stored = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<LiveFeed> opened = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<LiveFeed> closed = new ConcurrentLinkedQueue<>();
    private final Set<ObjectRef> trackersChanged =
            Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());
    private final AtomicBoolean notified = new AtomicBoolean();
    private final AtomicBoolean ticked = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean stopped;
    /** When the round running now started, {@code null} between rounds: what a liveness check reads. */
    private volatile Instant busySince;

    private final Clock clock;
    private java.time.Instant trackersCheckedAt;
    private final Map<ObjectRef, java.time.Instant> trackerChangesSeen = new HashMap<>();

    LiveDispatcher(ActionLog log, RestSettings settings, ReadTransaction reads, LiveThreads threads, Clock clock) {
        this.clock = clock;
        this.log = log;
        this.fanout = log.unwrap(Integration.class).fanout();
        this.reads = reads;
        this.threads = threads;
        this.heartbeat = Duration.ofSeconds(settings.heartbeatSeconds());
        this.window = new LogWindow(clock, LogWindow.LATE_WINDOW, Duration.ofSeconds(settings.pollSeconds()));
        this.trackersCheckedAt = clock.instant();
    }

    /** An action committed on this node. */
    void stored(ActionStored action) {
        stored.add(action);
        schedule();
    }

    /** Another node committed actions or changed trackers. */
    void notified(Notifications.Received received) {
        trackersChanged.addAll(received.trackersChanged());
        if (received.actionsStored()) {
            notified.set(true);
        }
        schedule();
    }

    void trackersChanged(ObjectRef owner) {
        trackersChanged.add(owner);
        schedule();
    }

    void opened(LiveFeed feed) {
        opened.add(feed);
        schedule();
    }

    void closed(LiveFeed feed) {
        closed.add(feed);
        schedule();
    }

    /** The clock's tick (every second): heartbeats, slow clients, and the periodic read when it is due. */
    void tick() {
        ticked.set(true);
        schedule();
    }

    /** When the round running now started, or {@code null} between rounds. */
    Instant busySince() {
        return busySince;
    }

    /** Whether it was stopped. */
    boolean stopped() {
        return stopped;
    }

    /** Stops: no round runs from now on (the application is going). */
    void stop() {
        stopped = true;
    }

    private void schedule() {
        if (!stopped && scheduled.compareAndSet(false, true)) {
            threads.dispatcher().execute(this::round);
        }
    }

    private void round() {
        scheduled.set(false);
        if (stopped) {
            return;
        }
        busySince = clock.instant();
        try {
            runRound();
        } catch (RuntimeException | Error failure) {
            LOGGER.log(
                    System.Logger.Level.WARNING,
                    "A round of actrack-rest's live feeds failed; the next one goes on",
                    failure);
        } finally {
            busySince = null;
        }
    }

    private void runRound() {
        for (LiveFeed feed; (feed = closed.poll()) != null; ) {
            index.remove(feed);
        }
        List<LiveFeed> newFeeds = new ArrayList<>();
        for (LiveFeed feed; (feed = opened.poll()) != null; ) {
            if (!feed.isClosed()) {
                newFeeds.add(feed);
            }
        }
        List<ActionStored> local = new ArrayList<>();
        for (ActionStored action; (action = stored.poll()) != null; ) {
            local.add(action);
        }
        boolean tick = ticked.getAndSet(false);
        boolean fullRead = tick && window.started() && window.fullReadDue();
        boolean quickRead = notified.getAndSet(false);
        Set<ObjectRef> changedOwners = new HashSet<>(trackersChanged);
        trackersChanged.removeAll(changedOwners);

        if (index.isEmpty() && newFeeds.isEmpty()) {
            // Nothing to feed: nothing to read. The window starts again with the next feed.
            if (window.started()) {
                window.stop();
            }
            return;
        }
        if (!window.started()) {
            window.start();
        }
        reads.read(() -> {
            if (fullRead) {
                java.time.Instant since = trackersCheckedAt.minus(LogWindow.LATE_WINDOW);
                trackersCheckedAt = clock.instant();
                changedOwners.addAll(changesNotSeen(fanout.trackersChangedSince(since), since));
            }
            refresh(changedOwners);
            Map<Long, Action> loaded = new HashMap<>();
            List<ActionFacts> fresh = newActions(local, fullRead || quickRead, fullRead, loaded);
            Map<LiveFeed, List<ActionFacts>> entering = new LinkedHashMap<>();
            for (ActionFacts action : fresh) {
                for (LiveFeed feed : index.feedsOf(action)) {
                    entering.computeIfAbsent(feed, f -> new ArrayList<>()).add(action);
                }
            }
            Map<ObjectRef, FeedMatcher> matchers = new HashMap<>();
            for (LiveFeed feed : newFeeds) {
                feed.matcher(matchers.computeIfAbsent(feed.owner().ref(), owner -> matcherOf(feed)));
                index.put(feed);
                feed.greet();
            }
            deliver(entering, loaded);
            newFeeds.stream().filter(feed -> feed.resumeFrom().isPresent()).forEach(this::catchUp);
            return null;
        });
        if (tick) {
            beat();
        }
    }

    /**
     * The owners among those the periodic read found whose change this dispatcher has not applied yet: the reads
     * overlap by the late window, and a change read once is not applied again.
     */
    private Set<ObjectRef> changesNotSeen(Map<ObjectRef, java.time.Instant> changed, java.time.Instant since) {
        trackerChangesSeen.values().removeIf(at -> at.isBefore(since));
        Set<ObjectRef> owners = new HashSet<>();
        changed.forEach((owner, at) -> {
            if (!at.equals(trackerChangesSeen.put(owner, at))) {
                owners.add(owner);
            }
        });
        return owners;
    }

    /** Rebuilds the matchers of the open feeds of users whose trackers changed. */
    private void refresh(Set<ObjectRef> owners) {
        if (owners.isEmpty()) {
            return;
        }
        Map<ObjectRef, List<LiveFeed>> byOwner = new HashMap<>();
        for (LiveFeed feed : index.feeds()) {
            if (owners.contains(feed.owner().ref())) {
                byOwner.computeIfAbsent(feed.owner().ref(), o -> new ArrayList<>())
                        .add(feed);
            }
        }
        byOwner.forEach((owner, feeds) -> {
            FeedMatcher matcher = matcherOf(feeds.get(0));
            feeds.forEach(feed -> {
                feed.matcher(matcher);
                index.put(feed);
            });
        });
    }

    /** What a feed's user follows, as they may see it (one read of their trackers; the same for all their feeds). */
    private FeedMatcher matcherOf(LiveFeed feed) {
        return FeedMatcher.of(
                log.trackers(feed.owner().user()).owned().list(),
                feed.visibility().feedScope(),
                log.unwrap(Integration.class).settings().readableLevel());
    }

    /**
     * The actions this node has not handed out yet: this node's commits from their events, and when asked, what the
     * log holds from the window's start (each action loaded once, into {@code loaded}).
     */
    private List<ActionFacts> newActions(
            List<ActionStored> local, boolean readTheLog, boolean full, Map<Long, Action> loaded) {
        List<ActionFacts> fresh = new ArrayList<>();
        for (ActionStored action : local) {
            ActionFacts facts = ActionFacts.of(action.id(), action.action());
            if (window.take(facts.key())) {
                fresh.add(facts);
            }
        }
        if (readTheLog) {
            List<ActionKey> keys = new ArrayList<>();
            java.time.Instant from = window.readFrom(full);
            ActionKey after = null;
            List<ActionKey> page;
            do {
                page = fanout.storedSince(from, after, Fanout.MAX_KEYS);
                keys.addAll(page);
                after = page.isEmpty() ? null : page.get(page.size() - 1);
            } while (page.size() == Fanout.MAX_KEYS);
            List<Long> unseen = window.takeAll(keys).stream().map(ActionKey::id).toList();
            for (int from2 = 0; from2 < unseen.size(); from2 += LOAD_CHUNK) {
                for (Action action :
                        fanout.actions(unseen.subList(from2, Math.min(unseen.size(), from2 + LOAD_CHUNK)))) {
                    loaded.put(action.id(), action);
                    fresh.add(ActionFacts.of(action));
                }
            }
        } else {
            window.forgetBelowTheWindow();
        }
        fresh.sort(Comparator.comparing(ActionFacts::key));
        return fresh;
    }

    /**
     * Queues on each feed the actions that entered it, oldest first, then its user's unread count: each action loaded
     * once, the unread state of all readers read at once, each reader's texts rendered in one call.
     */
    private void deliver(Map<LiveFeed, List<ActionFacts>> entering, Map<Long, Action> loaded) {
        if (entering.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        entering.values().forEach(actions -> actions.forEach(action -> ids.add(action.id())));
        List<Long> missing =
                ids.stream().filter(id -> !loaded.containsKey(id)).sorted().toList();
        for (int from = 0; from < missing.size(); from += LOAD_CHUNK) {
            fanout.actions(missing.subList(from, Math.min(missing.size(), from + LOAD_CHUNK)))
                    .forEach(action -> loaded.put(action.id(), action));
        }
        retryUnreadable(ids, loaded);
        Map<ObjectRef, List<LiveFeed>> byReader = new LinkedHashMap<>();
        entering.keySet()
                .forEach(feed -> byReader.computeIfAbsent(feed.owner().ref(), r -> new ArrayList<>())
                        .add(feed));
        Map<ObjectRef, Set<Long>> unread = fanout.unreadAmong(byReader.keySet(), ids);
        Map<ObjectRef, Badge> counts = badges(byReader);
        byReader.forEach((reader, feeds) -> {
            List<Action> actions = new ArrayList<>();
            Set<Long> added = new HashSet<>();
            for (LiveFeed feed : feeds) {
                for (ActionFacts facts : entering.get(feed)) {
                    Action action = loaded.get(facts.id());
                    if (action != null && added.add(action.id())) {
                        actions.add(action);
                    }
                }
            }
            actions.sort(Comparator.comparing(ActionKey::of));
            Set<Long> unreadIds = unread.getOrDefault(reader, Set.of());
            List<Boolean> flags = actions.stream()
                    .map(action -> unreadIds.contains(action.id()))
                    .toList();
            List<String> summaries = log.renderAll(
                    actions, RenderContext.forUser(feeds.get(0).owner().user()), flags);
            // Every feed of a reader is the same query of the same user: one cursor per action serves them all.
            List<String> cursors =
                    actions.stream().map(feeds.get(0).feed()::cursorOf).toList();
            Map<ActivityJson, List<String>> data = new HashMap<>();
            for (LiveFeed feed : feeds) {
                List<String> documents =
                        data.computeIfAbsent(feed.json(), json -> documents(json, actions, summaries, flags));
                Set<Long> mine = new HashSet<>();
                entering.get(feed).forEach(facts -> mine.add(facts.id()));
                List<Action> its = new ArrayList<>();
                List<String> itsData = new ArrayList<>();
                List<String> itsCursors = new ArrayList<>();
                for (int i = 0; i < actions.size(); i++) {
                    if (mine.contains(actions.get(i).id())) {
                        its.add(actions.get(i));
                        itsData.add(documents.get(i));
                        itsCursors.add(cursors.get(i));
                    }
                }
                feed.send(its, itsData, itsCursors, counts.getOrDefault(reader, Badge.NONE));
            }
        });
    }

    /**
     * An action this node took (from its commit event or a read) but could not load now is not dropped: the window
     * forgets it, and the next round reads the log again, which sends it (as a late commit if newer ones went first).
     * Deleted in between (pruned, say), it is then simply not found again.
     */
    private void retryUnreadable(Set<Long> ids, Map<Long, Action> loaded) {
        List<Long> unreadable =
                ids.stream().filter(id -> !loaded.containsKey(id)).sorted().toList();
        if (unreadable.isEmpty()) {
            return;
        }
        LOGGER.log(
                System.Logger.Level.INFO,
                "Actions {0} were announced as committed but could not be read yet; the next read of the log sends"
                        + " them",
                unreadable);
        unreadable.forEach(window::release);
        notified.set(true);
        schedule();
    }

    private static List<String> documents(
            ActivityJson json, List<Action> actions, List<String> summaries, List<Boolean> flags) {
        List<String> documents = new ArrayList<>(actions.size());
        for (int i = 0; i < actions.size(); i++) {
            documents.add(json.plainAction(actions.get(i), summaries.get(i), flags.get(i))
                    .toString());
        }
        return documents;
    }

    /** A reader's notification badge: their unread count, and how many of those they have not seen. */
    record Badge(long unread, long unseen) {
        static final Badge NONE = new Badge(0, 0);
    }

    /**
     * The readers' unread and unseen counts: each in one statement for all of them, or each reader's through their
     * rules when the application has some (the unseen then newer than their seen position, in their visible feed).
     */
    private Map<ObjectRef, Badge> badges(Map<ObjectRef, List<LiveFeed>> byReader) {
        boolean rules = byReader.values().stream()
                .anyMatch(feeds -> feeds.get(0).visibility().hasRules());
        Map<ObjectRef, Badge> badges = new HashMap<>();
        if (!rules) {
            Map<ObjectRef, Long> unread = fanout.unreadCounts(byReader.keySet());
            Map<ObjectRef, Long> unseen = fanout.unseenCounts(byReader.keySet());
            byReader.keySet()
                    .forEach(reader -> badges.put(
                            reader, new Badge(unread.getOrDefault(reader, 0L), unseen.getOrDefault(reader, 0L))));
            return badges;
        }
        byReader.forEach((reader, feeds) -> {
            Object user = feeds.get(0).owner().user();
            ActionQuery visible = feeds.get(0).feed().unreadFor(user);
            long unread = visible.count();
            long unseen = log.unread(user)
                    .seenUntil()
                    .map(seen -> visible.since(seen.plus(1, ChronoUnit.MICROS)).count())
                    .orElse(unread);
            badges.put(reader, new Badge(unread, unseen));
        });
        return badges;
    }

    /** Sends a resumed feed what it missed since its {@code Last-Event-ID}, oldest first, then its unread count. */
    private void catchUp(LiveFeed feed) {
        List<Action> missed = new ArrayList<>();
        String position = feed.resumeFrom().orElseThrow();
        ActionPage page;
        do {
            page = feed.feed().before(position).page(100);
            List<Action> newestFirst = new ArrayList<>(page.actions());
            Collections.reverse(newestFirst);
            missed.addAll(newestFirst);
            position = page.next().orElse(null);
        } while (position != null && missed.size() < CATCH_UP_LIMIT);
        if (missed.isEmpty()) {
            return;
        }
        Object user = feed.owner().user();
        List<Boolean> flags = log.unread(user).areUnread(missed);
        List<String> documents =
                documents(feed.json(), missed, log.renderAll(missed, RenderContext.forUser(user), flags), flags);
        feed.send(
                missed,
                documents,
                missed.stream().map(feed.feed()::cursorOf).toList(),
                badges(Map.of(feed.owner().ref(), List.of(feed)))
                        .getOrDefault(feed.owner().ref(), Badge.NONE));
    }

    /** Heartbeats for idle feeds, and the end of those whose client stopped reading. */
    private void beat() {
        long now = System.nanoTime();
        for (LiveFeed feed : List.copyOf(index.feeds())) {
            Outbox outbox = feed.outbox();
            if (outbox.writingFor(now) > SEND_TIMEOUT.toNanos()) {
                LOGGER.log(
                        System.Logger.Level.DEBUG,
                        "A live feed of {0} closes: its client has not read for {1} s",
                        feed.owner().principal(),
                        SEND_TIMEOUT.toSeconds());
                feed.close();
            } else if (outbox.isIdle() && now - outbox.lastWritten() >= heartbeat.toNanos()) {
                feed.heartbeat();
            }
        }
    }
}
