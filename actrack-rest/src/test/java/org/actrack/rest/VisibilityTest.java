/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.ActionLog;
import org.actrack.LogOption;
import org.actrack.ObjectRef;
import org.actrack.Options;
import org.actrack.StreamLimits;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.rest.fixtures.RandomRules;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.LiveEvents;
import org.actrack.rest.testing.RestServerExtension;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One visibility rule for everything a user reads: following what the rules hide is refused, and the feed, its unread
 * count, single actions, object streams and the live feed never show an action that the stream it came through would
 * not show. Checked on the issue's own case, then on random users, objects, trackers, rules and actions against a
 * model of the rule written here, independently of actrack's.
 */
class VisibilityTest {

    private static final List<String> VERBS = List.of("departed", "arrived", "inspected");
    private static final List<Integer> LEVELS = List.of(20, 30, 40);
    private static final int READABLE = 30;

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of(), RandomRules.class);

    @Test
    void followingAHiddenTrainIsRefusedAndItsActionsStayOutOfTheFeedAndVerbLimitsHoldThere() {
        ActionLog log = server.log();
        Member alice = server.persist(new Member("alice"));
        Member bob = server.persist(new Member("bob"));
        Member driver = server.persist(new Member("driver"));
        Train one = server.persist(new Train("1"));
        Train two = server.persist(new Train("2"));
        // alice may see train 1 and nothing else (not train 2, nor the driver's stream, nor the types'); bob sees
        // arrivals.
        server.bean(RandomRules.class)
                .set(
                        Set.of(
                                RandomRules.pair("alice", RandomRules.stream(two)),
                                RandomRules.pair("alice", RandomRules.stream(driver)),
                                RandomRules.pair("alice", "Train"),
                                RandomRules.pair("alice", "Member")),
                        Map.of(RandomRules.pair("bob", "*"), StreamLimits.NONE.verbs("arrived")));
        Http asAlice = server.as("alice");
        Http asBob = server.as("bob");
        Http.Answer follow = asAlice.put("activity/trackers/Train/" + two.getId(), "X-Requested-With", "x");
        log.track(alice, two, actorOnly(false));
        log.track(alice, one, actorOnly(false));
        asBob.put("activity/trackers/Train/" + one.getId(), "X-Requested-With", "x");
        for (Train train : List.of(one, two)) {
            log.log(driver, "departed", targets(train));
            log.log(driver, "arrived", targets(train));
        }
        long hiddenAction = log.actions(two).all().list(1).get(0).id();

        Http.Answer stream = asAlice.get("activity/objects/Train/" + two.getId() + "/actions");

        assertThat(stream.status()).isEqualTo(403);
        assertThat(follow.status()).isEqualTo(403);
        assertThat(follow.problemCode()).isEqualTo("ACTRACK-908");
        assertThat(asAlice.get("activity/feed").json().getJsonArray("items"))
                .as("only train 1's actions, though alice's own Java" + " tracker follows train 2")
                .hasSize(2)
                .allSatisfy(item -> assertThat(item.asJsonObject()
                                .getJsonArray("targets")
                                .getJsonObject(0)
                                .getString("name"))
                        .isEqualTo("1"));
        assertThat(asAlice.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(2);
        assertThat(asAlice.get("activity/actions/" + hiddenAction).status()).isEqualTo(404);
        assertThat(asBob.get("activity/feed").json().getJsonArray("items"))
                .extracting(item -> item.asJsonObject().getString("verb"))
                .containsExactly("arrived");
        assertThat(asBob.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(1);
        assertThat(asAlice.post("activity/feed/read", "X-Requested-With", "x")
                        .json()
                        .getInt("marked"))
                .as("the visible ones only")
                .isEqualTo(2);
        assertThat(log.unread(alice).count())
                .as("the hidden ones are neither shown nor counted, nor marked")
                .isEqualTo(2);
    }

    @Test
    void everyRouteShowsWhatTheRuleShowsForRandomUsersObjectsTrackersRulesAndActions() throws Exception {
        for (long seed : List.of(19L, 2026L, 12061L)) {
            org.actrack.cdi.testing.JtaDatabase.get().clean();
            new RandomWorld(seed).check();
        }
    }

    /** A random world: users, objects, trackers, rules and actions, and the model of what each user may read. */
    private static final class RandomWorld {
        private final Random random;
        private final ActionLog log = server.log();
        private final List<Member> users = new ArrayList<>();
        private final Map<String, Object> objects = new LinkedHashMap<>();
        private final List<String> streams = new ArrayList<>();
        private final Set<String> hidden = new HashSet<>();
        private final Map<String, StreamLimits> limits = new HashMap<>();
        private final List<ModelTracker> trackers = new ArrayList<>();
        private final List<ModelAction> actions = new ArrayList<>();

        RandomWorld(long seed) {
            this.random = new Random(seed);
        }

        void check() throws Exception {
            Member driver = server.persist(new Member("driver"));
            objects.put(RandomRules.stream(driver), driver);
            for (int i = 0; i < 4; i++) {
                users.add(server.persist(new Member("u" + i)));
            }
            for (int i = 0; i < 5; i++) {
                Train train = server.persist(new Train("t" + i));
                objects.put(RandomRules.stream(train), train);
            }
            for (int i = 0; i < 3; i++) {
                Station station = server.persist(new Station("s" + i));
                objects.put(RandomRules.stream(station), station);
            }
            streams.addAll(objects.keySet());
            streams.addAll(List.of("Train", "Station", "Member"));
            Instant since = Instant.now().plusMillis(700);
            drawRules(since);
            server.bean(RandomRules.class).set(hidden, limits);
            drawTrackers();
            Map<String, LiveEvents> live = new HashMap<>();
            try {
                for (Member user : users) {
                    LiveEvents events = server.as(user.getName()).live();
                    assertThat(events.status()).isEqualTo(200);
                    assertThat(events.next(Duration.ofSeconds(10)))
                            .as("greeting")
                            .isNotNull();
                    live.put(user.getName(), events);
                }
                logActions(driver);
                for (Member user : users) {
                    checkRoutes(user.getName());
                }
                for (Member user : users) {
                    checkLiveFeed(user.getName(), live.get(user.getName()));
                }
            } finally {
                live.values().forEach(LiveEvents::close);
            }
        }

        private void drawRules(Instant since) {
            for (Member user : users) {
                for (String stream : streams) {
                    String pair = RandomRules.pair(user.getName(), stream);
                    if (random.nextInt(4) == 0) {
                        hidden.add(pair);
                    } else if (random.nextInt(3) == 0) {
                        StreamLimits drawn = StreamLimits.NONE;
                        if (random.nextBoolean()) {
                            drawn = drawn.verbs(VERBS.get(random.nextInt(3)), VERBS.get(random.nextInt(3)));
                        }
                        if (random.nextBoolean()) {
                            drawn = drawn.minLevel(40);
                        }
                        if (random.nextInt(3) == 0) {
                            drawn = drawn.since(since);
                        }
                        limits.put(pair, drawn);
                    }
                }
            }
        }

        private void drawTrackers() {
            List<String> followable = new ArrayList<>(streams);
            for (Member user : users) {
                Set<String> followed = new HashSet<>();
                for (int t = random.nextInt(5); t > 0; t--) {
                    String tracked = followable.get(random.nextInt(followable.size()));
                    if (!followed.add(tracked)) {
                        continue;
                    }
                    boolean actorOnly = random.nextInt(3) == 0;
                    Set<String> verbs = new TreeSet<>();
                    for (int v = random.nextInt(3); v > 0; v--) {
                        verbs.add(VERBS.get(random.nextInt(3)));
                    }
                    Object toTrack = tracked.contains("#") ? objects.get(tracked) : typeOf(tracked);
                    List<org.actrack.TrackOption> options = new ArrayList<>(List.of(actorOnly(actorOnly)));
                    if (!verbs.isEmpty()) {
                        options.add(Options.verbs(verbs.toArray(String[]::new)));
                    }
                    if (random.nextBoolean()) {
                        // Over HTTP: refused exactly where the rules hide the stream; then made by the application
                        // anyway.
                        String path = "activity/trackers/"
                                + (tracked.contains("#") ? tracked.replace('#', '/') : tracked) + "?actorOnly="
                                + actorOnly
                                + verbs.stream().map(verb -> "&verb=" + verb).collect(Collectors.joining());
                        Http.Answer answer = server.as(user.getName()).put(path, "X-Requested-With", "x");
                        boolean mayFollow = !hidden.contains(RandomRules.pair(user.getName(), tracked));
                        assertThat(answer.status())
                                .as(user.getName() + " follows " + tracked + ": " + answer.body())
                                .isEqualTo(mayFollow ? 200 : 403);
                    }
                    log.track(user, toTrack, options.toArray(org.actrack.TrackOption[]::new));
                    trackers.add(new ModelTracker(user.getName(), tracked, actorOnly, verbs));
                }
            }
        }

        private void logActions(Member driver) throws InterruptedException {
            List<String> objectNames = new ArrayList<>(objects.keySet());
            for (int i = 0; i < 30; i++) {
                String actor = random.nextInt(5) == 0
                        ? null
                        : random.nextBoolean()
                                ? RandomRules.stream(driver)
                                : objectNames.get(random.nextInt(objectNames.size()));
                List<String> targets = new ArrayList<>();
                List<String> related = new ArrayList<>();
                for (int t = random.nextInt(3); t > 0; t--) {
                    String target = objectNames.get(random.nextInt(objectNames.size()));
                    if (!targets.contains(target)) {
                        targets.add(target);
                    }
                }
                if (random.nextBoolean()) {
                    related.add(objectNames.get(random.nextInt(objectNames.size())));
                }
                String verb = VERBS.get(random.nextInt(3));
                int level = LEVELS.get(random.nextInt(3));
                List<LogOption> options = new ArrayList<>(List.of(level(level), Options.groupingDelay(-1)));
                if (!targets.isEmpty()) {
                    options.add(targets(targets.stream().map(objects::get).toArray()));
                }
                if (!related.isEmpty()) {
                    options.add(related(related.stream().map(objects::get).toArray()));
                }
                log.log(actor == null ? null : objects.get(actor), verb, options.toArray(LogOption[]::new));
                Thread.sleep(40);
            }
            for (Action action : everyAction()) {
                actions.add(ModelAction.of(action));
            }
        }

        private List<Action> everyAction() {
            List<Long> ids = log.unwrap(Integration.class).fanout().storedSince(Instant.EPOCH, null, 1000).stream()
                    .map(ActionKey::id)
                    .toList();
            return log.unwrap(Integration.class).fanout().actions(ids);
        }

        private void checkRoutes(String user) {
            Http http = server.as(user);
            List<Long> expectedFeed = actions.stream()
                    .filter(action -> inFeed(user, action))
                    .sorted(NEWEST_FIRST)
                    .map(ModelAction::id)
                    .toList();
            assertThat(pages(http, "activity/feed?size=7")).as(user + "'s feed").isEqualTo(expectedFeed);
            assertThat(http.get("activity/feed/unread-count").json().getInt("unread"))
                    .as(user + "'s unread count")
                    .isEqualTo(expectedFeed.size());
            for (ModelAction action : actions) {
                int expected = readable(user, action) ? 200 : 404;
                assertThat(http.get("activity/actions/" + action.id()).status())
                        .as(user + " reads action " + action)
                        .isEqualTo(expected);
            }
            for (String stream : streams) {
                String path = "activity/objects/"
                        + (stream.contains("#") ? stream.replace('#', '/') + "/actions" : stream + "/actions")
                        + "?size=9";
                if (hidden.contains(RandomRules.pair(user, stream))) {
                    assertThat(http.get(path).status())
                            .as(user + " reads " + stream)
                            .isEqualTo(403);
                } else {
                    StreamLimits shown = limitsOf(user, stream);
                    List<Long> expected = actions.stream()
                            .filter(action -> action.involves(stream) && action.within(shown))
                            .sorted(NEWEST_FIRST)
                            .map(ModelAction::id)
                            .toList();
                    assertThat(pages(http, path)).as(user + " reads " + stream).isEqualTo(expected);
                }
            }
        }

        private void checkLiveFeed(String user, LiveEvents events) throws InterruptedException {
            Set<Long> expected = actions.stream()
                    .filter(action -> inFeed(user, action))
                    .map(ModelAction::id)
                    .collect(Collectors.toSet());
            Set<Long> received = new HashSet<>();
            long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!received.containsAll(expected) && System.nanoTime() < end) {
                LiveEvents.Event event = events.nextNamed(Duration.ofMillis(200));
                if (event != null && "action".equals(event.name())) {
                    assertThat(received.add(id(event)))
                            .as(user + " receives action " + id(event) + " once")
                            .isTrue();
                }
            }
            for (LiveEvents.Event event : events.drain()) {
                if ("action".equals(event.name())) {
                    assertThat(received.add(id(event))).isTrue();
                }
            }
            assertThat(received).as(user + "'s live feed").isEqualTo(expected);
        }

        private static long id(LiveEvents.Event event) {
            return jakarta.json.Json.createReader(new java.io.StringReader(event.data()))
                    .readObject()
                    .getJsonNumber("id")
                    .longValue();
        }

        private List<Long> pages(Http http, String first) {
            List<Long> ids = new ArrayList<>();
            String next = first;
            while (next != null) {
                Http.Answer answer = http.send("GET", next, null);
                assertThat(answer.status()).as(next + ": " + answer.body()).isEqualTo(200);
                JsonObject page = answer.json();
                page.getJsonArray("items")
                        .getValuesAs(JsonObject.class)
                        .forEach(item -> ids.add(item.getJsonNumber("id").longValue()));
                next = page.isNull("next") ? null : page.getString("next");
            }
            return ids;
        }

        /** The model of the feed: a readable action that a tracker matches within the limits of its stream. */
        private boolean inFeed(String user, ModelAction action) {
            if (action.level() < READABLE) {
                return false;
            }
            for (ModelTracker tracker : trackers) {
                if (!tracker.user().equals(user) || hidden.contains(RandomRules.pair(user, tracker.tracked()))) {
                    continue;
                }
                StreamLimits shown = limitsOf(user, tracker.tracked());
                boolean verbOk = (tracker.verbs().isEmpty() || tracker.verbs().contains(action.verb()))
                        && (shown.verbs().isEmpty() || shown.verbs().contains(action.verb()));
                if (verbOk
                        && action.within(new StreamLimits(Set.of(), shown.minLevel(), shown.since()))
                        && (tracker.actorOnly()
                                ? action.hasActor(tracker.tracked())
                                : action.involves(tracker.tracked()))) {
                    return true;
                }
            }
            return false;
        }

        /** The model of a single action: in the feed, or in a stream of one of its objects or their types. */
        private boolean readable(String user, ModelAction action) {
            if (inFeed(user, action)) {
                return true;
            }
            Set<String> through = new HashSet<>(action.objects());
            action.objects().forEach(object -> through.add(object.substring(0, object.indexOf('#'))));
            return through.stream()
                    .anyMatch(stream ->
                            !hidden.contains(RandomRules.pair(user, stream)) && action.within(limitsOf(user, stream)));
        }

        private StreamLimits limitsOf(String user, String stream) {
            return limits.getOrDefault(RandomRules.pair(user, stream), StreamLimits.NONE);
        }

        private static Class<?> typeOf(String name) {
            return switch (name) {
                case "Train" -> Train.class;
                case "Station" -> Station.class;
                default -> Member.class;
            };
        }
    }

    private static final Comparator<ModelAction> NEWEST_FIRST = Comparator.comparing(ModelAction::time)
            .thenComparingLong(ModelAction::id)
            .reversed();

    private record ModelTracker(String user, String tracked, boolean actorOnly, Set<String> verbs) {}

    private record ModelAction(long id, Instant time, String actor, List<String> objects, String verb, int level) {

        static ModelAction of(Action action) {
            List<String> all = new ArrayList<>();
            action.actorRef().ifPresent(ref -> all.add(name(ref)));
            action.targetRefs().forEach(ref -> all.add(name(ref)));
            action.relatedRefs().forEach(ref -> all.add(name(ref)));
            return new ModelAction(
                    action.id(),
                    action.timestamp(),
                    action.actorRef().map(ModelAction::name).orElse(null),
                    all,
                    action.verb(),
                    action.level());
        }

        private static String name(ObjectRef ref) {
            return ref.type() + "#" + ref.id();
        }

        boolean hasActor(String tracked) {
            return actor != null && covers(tracked, actor);
        }

        boolean involves(String stream) {
            return objects.stream().anyMatch(object -> covers(stream, object));
        }

        boolean within(StreamLimits limits) {
            return limits.admits(verb, level, time);
        }

        private static boolean covers(String tracked, String object) {
            return tracked.contains("#") ? tracked.equals(object) : object.startsWith(tracked + "#");
        }

        @Override
        public String toString() {
            return id + " " + verb + "@" + level + " " + objects;
        }
    }
}
