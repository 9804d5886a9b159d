/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.at;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.JtaDatabase;
import org.actrack.engine.Actrack;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.LiveEvents;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live feed: what enters the caller's feed arrives once committed, in order and once each, resumes where the
 * client left, reaches it from other nodes, and never lets one client or one request hold up the others.
 */
class LiveFeedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of(
            RestSettings.HEARTBEAT_SECONDS.key(),
            "1",
            RestSettings.POLL_SECONDS.key(),
            "1",
            RestSettings.MAX_LIVE_FEEDS.key(),
            "3",
            RestSettings.OPEN_STREAMS.key(),
            "true"));

    private Railway railway;

    @BeforeEach
    void fixture() {
        railway = new Railway(server);
    }

    @Test
    void anActionEnteringTheFeedArrivesOnceCommittedThenTheUnreadAndUnseenCountsAndOnlyForItsReaders()
            throws Exception {
        try (LiveEvents alice = open("alice");
                LiveEvents bob = open("bob")) {
            long before =
                    server.as("alice").get("activity/feed/unread-count").json().getInt("unread");
            assertThat(server.as("alice")
                            .post("activity/feed/seen", "X-Requested-With", "test")
                            .status())
                    .isEqualTo(200);

            railway.announce("counted");

            assertThat(verb(alice.nextNamed(PATIENCE))).isEqualTo("counted");
            LiveEvents.Event unread = alice.nextNamed(PATIENCE);
            assertThat(unread.name()).isEqualTo("unread");
            assertThat(json(unread).getInt("unread")).isEqualTo(before + 1);
            assertThat(json(unread).getInt("unseen"))
                    .as("only the action since alice marked her feed seen")
                    .isEqualTo(1);
            assertThat(bob.nextNamed(Duration.ofSeconds(2)))
                    .as("bob follows nothing")
                    .isNull();
        }
    }

    @Test
    void aFeedCutWhileActionsAreLoggedResumesWithNothingLostOrRepeated() throws Exception {
        List<String> received = new ArrayList<>();
        CompletableFuture<Void> announcing;
        String lastId;
        try (LiveEvents live = open("alice")) {
            announcing = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 10; i++) {
                    railway.announce("live-" + i);
                    pause(100);
                }
            });
            LiveEvents.Event event = null;
            while (received.size() < 3) {
                event = nextAction(live);
                received.add(verb(event));
            }
            lastId = event.id();
        }
        try (LiveEvents resumed = open("alice", "Last-Event-ID: " + lastId)) {
            while (!received.contains("live-10")) {
                received.add(verb(nextAction(resumed)));
            }
            announcing.get();
            assertThat(actionsWithin(resumed, Duration.ofMillis(2500)))
                    .as("nothing sent twice")
                    .isEmpty();
            assertThat(resumed.next(PATIENCE).comment())
                    .as("heartbeats, every second here")
                    .isEqualTo("heartbeat");
        }
        assertThat(received)
                .containsExactly(
                        "live-1", "live-2", "live-3", "live-4", "live-5", "live-6", "live-7", "live-8", "live-9",
                        "live-10");
    }

    @Test
    void anActionCommittedLateStillArrivesWithTheNewerPositionAndAResumeRepeatsNothing() throws Exception {
        String lastId;
        try (LiveEvents live = open("alice")) {
            railway.announce("early");
            LiveEvents.Event early = nextAction(live);
            // Stamped just before the action already sent, as by a transaction that commits late.
            server.log().log(
                    railway.driver,
                    "late",
                    targets(railway.train),
                    at(Instant.parse(json(early).getString("published")).minusMillis(1)));
            LiveEvents.Event late = nextAction(live);

            assertThat(verb(late)).isEqualTo("late");
            assertThat(late.id())
                    .as("the late action carries the newer position")
                    .isEqualTo(early.id());
            lastId = late.id();
        }
        try (LiveEvents resumed = open("alice", "Last-Event-ID: " + lastId)) {
            assertThat(actionsWithin(resumed, Duration.ofMillis(2500)))
                    .as("nothing sent twice")
                    .isEmpty();
        }
    }

    @Test
    void actionsCommittedByAnotherNodeArrive() throws Exception {
        ActionLog otherNode = Actrack.builder()
                .entityManagerFactory(JtaDatabase.get().factory())
                .settings(ActrackSettings.builder().userType("Member").build())
                .build();
        try (LiveEvents live = open("alice")) {
            server.inTransaction(() -> otherNode.log(railway.driver, "elsewhere", targets(railway.train)));

            assertThat(verb(nextAction(live))).isEqualTo("elsewhere");
        }
    }

    @Test
    void followingSomethingWhileTheFeedIsOpenBringsItsActions() throws Exception {
        Train other = server.persist(new Train("47"));
        try (LiveEvents live = open("alice")) {
            server.as("alice").put("activity/trackers/Train/" + other.getId(), "X-Requested-With", "x");
            server.log().log(railway.driver, "boarded", targets(other));

            assertThat(verb(nextAction(live))).isEqualTo("boarded");
        }
    }

    @Test
    void refusalsComeBeforeTheStreamOpens() {
        Http bob = server.as("bob");

        LiveEvents foreignCursor = bob.live("Last-Event-ID: not-a-cursor");
        Http.Answer notAcceptable = bob.get("activity/feed/events", "Accept", "application/json");

        assertThat(foreignCursor.status()).isEqualTo(400);
        assertThat(foreignCursor.head()).contains("application/problem+json");
        assertThat(notAcceptable.status()).isEqualTo(406);
        assertThat(notAcceptable.problemCode()).isEqualTo("ACTRACK-910");
        foreignCursor.close();
    }

    @Test
    void aPageTellsWhereItsLiveContinuationStartsAndNothingBetweenIsMissed() throws Exception {
        JsonObject page = server.as("alice").get("activity/feed").json();
        railway.announce("between the page and the stream");

        LiveEvents live = server.as("alice").live();
        try (live) {
            assertThat(live.status()).isEqualTo(200);
            assertThat(actionsWithin(live, Duration.ofMillis(1500)))
                    .as("a stream opened afresh starts now")
                    .isEmpty();
        }
        String continuation = page.getString("live");
        try (LiveEvents resumed = LiveEvents.open(java.net.URI.create(continuation), authorization("alice"))) {
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(verb(nextAction(resumed))).isEqualTo("between the page and the stream");
        }
    }

    @Test
    void aUserHoldsAtMostTheLimitButAClosedClientFreesItsSlotAtOnce() throws Exception {
        List<LiveEvents> tabs = new ArrayList<>(List.of(open("bob"), open("bob"), open("bob")));
        try {
            LiveEvents refused = server.as("bob").live();
            tabs.add(refused);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.head()).contains("Retry-After");

            tabs.get(1).close();
            LiveEvents reloaded = server.as("bob").live();
            tabs.add(reloaded);
            assertThat(reloaded.status())
                    .as("the slot of the tab closed a moment ago")
                    .isEqualTo(200);
        } finally {
            tabs.forEach(LiveEvents::close);
        }
    }

    @Test
    void endingTheSessionClosesItsLiveFeeds() throws Exception {
        Http.Answer signIn = server.anonymous().post("signin?name=alice");
        String cookie = signIn.header("Set-Cookie").orElseThrow().split(";")[0];
        try (LiveEvents live =
                LiveEvents.open(server.server().base().resolve("activity/feed/events"), null, "Cookie: " + cookie)) {
            assertThat(live.status()).isEqualTo(200);

            server.anonymous().send("POST", "signout", null, "Cookie", cookie);

            assertThat(live.awaitEnd(PATIENCE))
                    .as("the server ended the stream")
                    .isTrue();
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedAndHoldsUpNoOtherFeed() throws Exception {
        String text = "x".repeat(4000);
        LiveEvents slow =
                LiveEvents.open(server.server().base().resolve("activity/feed/events"), authorization("alice"), 8192);
        try (slow;
                LiveEvents other = open("carol")) {
            assertThat(slow.next(PATIENCE)).as("greeted").isNotNull();
            slow.pause();
            // More than the socket buffers of both ends hold: the server's writes to alice block, then her events pile
            // up.
            for (int i = 0; i < FLOOD; i++) {
                server.log().log(
                        railway.driver, "flood", targets(railway.train), org.actrack.Options.data("padding", text + i));
            }
            Set<Long> received = new HashSet<>();
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (received.size() < FLOOD && System.nanoTime() < end) {
                LiveEvents.Event event = other.nextNamed(Duration.ofSeconds(5));
                if (event != null && "action".equals(event.name())) {
                    received.add(json(event).getJsonNumber("id").longValue());
                }
            }
            assertThat(received)
                    .as("carol's feed receives everything while alice's client reads nothing")
                    .hasSize(FLOOD);
            slow.resume();
            assertThat(slow.awaitEnd(PATIENCE))
                    .as("alice's feed was closed: she resumes from her last event")
                    .isTrue();
        }
    }

    @Test
    void twoHundredFeedsOpenWhilePagesAreReadAndEveryOneReceivesItsActions() throws Exception {
        ActionLog log = server.log();
        int users = 50;
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Member member = server.persist(new Member("reader-" + i));
            log.track(member, railway.train, actorOnly(false));
            members.add(member);
        }
        ExecutorService readers = Executors.newFixedThreadPool(8);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger pages = new AtomicInteger();
        List<LiveEvents> feeds = new ArrayList<>();
        try {
            for (int r = 0; r < 8; r++) {
                int reader = r;
                readers.execute(() -> {
                    while (reading.get()) {
                        Http.Answer page =
                                server.as("reader-" + (reader % users)).get("activity/feed?size=20");
                        assertThat(page.status()).isEqualTo(200);
                        pages.incrementAndGet();
                    }
                });
            }
            List<CompletableFuture<LiveEvents>> opening = new ArrayList<>();
            ExecutorService openers = Executors.newFixedThreadPool(16);
            for (int i = 0; i < users * 3 + 70; i++) {
                String name = "reader-" + (i % users);
                opening.add(CompletableFuture.supplyAsync(() -> server.as(name).live(), openers));
            }
            for (CompletableFuture<LiveEvents> open : opening) {
                feeds.add(open.get(60, TimeUnit.SECONDS));
            }
            openers.shutdown();
            long open = feeds.stream().filter(feed -> feed.status() == 200).count();
            assertThat(open).as("three per user, the rest refused").isEqualTo(users * 3L);
            feeds.stream()
                    .filter(feed -> feed.status() != 200)
                    .forEach(feed -> assertThat(feed.status()).isEqualTo(429));
            for (LiveEvents feed : feeds) {
                if (feed.status() == 200) {
                    assertThat(feed.next(PATIENCE)).as("greeted").isNotNull();
                }
            }

            for (int i = 0; i < 5; i++) {
                railway.announce("wave-" + i);
            }

            for (LiveEvents feed : feeds) {
                if (feed.status() == 200) {
                    List<String> verbs = new ArrayList<>();
                    while (verbs.size() < 5) {
                        verbs.add(verb(nextAction(feed)));
                    }
                    assertThat(verbs).containsExactly("wave-0", "wave-1", "wave-2", "wave-3", "wave-4");
                }
            }
        } finally {
            reading.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            feeds.forEach(LiveEvents::close);
        }
        assertThat(pages.get()).as("pages were read meanwhile").isPositive();
    }

    private static final int FLOOD = 1500;

    private static String authorization(String user) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":secret").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static LiveEvents open(String user, String... headers) throws InterruptedException {
        LiveEvents live = server.as(user).live(headers);
        assertThat(live.status()).as(live.head()).isEqualTo(200);
        assertThat(live.next(PATIENCE)).as("the greeting").isNotNull();
        return live;
    }

    private static LiveEvents.Event nextAction(LiveEvents live) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            LiveEvents.Event event = live.nextNamed(Duration.ofMillis(200));
            if (event != null && "action".equals(event.name())) {
                return event;
            }
        }
        throw new AssertionError("No action arrived within " + PATIENCE);
    }

    private static List<LiveEvents.Event> actionsWithin(LiveEvents live, Duration time) throws InterruptedException {
        List<LiveEvents.Event> actions = new ArrayList<>();
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            LiveEvents.Event event = live.nextNamed(Duration.ofMillis(100));
            if (event != null && "action".equals(event.name())) {
                actions.add(event);
            }
        }
        return actions;
    }

    private static JsonObject json(LiveEvents.Event event) {
        return Json.createReader(new StringReader(event.data())).readObject();
    }

    private static String verb(LiveEvents.Event event) {
        return json(event).getString("verb");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
