/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.xml.parsers.DocumentBuilderFactory;
import org.actrack.it.rest.RestFixture;
import org.actrack.it.rest.visibility.TrainsAndStationsVisible;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * actrack-rest beyond the feed page: trackers, object and type streams through the application's visibility
 * rules (members may see trains and stations, of a station only its arrivals), the application's names and
 * addresses of stations, single actions, Atom, previous
 * pages, and the live feed with its resumption, limits and heartbeats. Two or three users each time: alice
 * follows train 31, carol the driver too, bob nothing.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestStreamsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.application(
                        "actrack-rest-streams-it",
                        "actrack.user-type=Member",
                        "actrack.rest.max-live-feeds=2",
                        "actrack.rest.heartbeat-seconds=1",
                        "actrack.rest.poll-seconds=1",
                        "actrack.cursor-secret=a secret of the REST tests, 32+")
                .addPackage(RestFixture.class.getPackage())
                .addPackage(TrainsAndStationsVisible.class.getPackage())
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    URL base;

    private RestClient client;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void fixture() throws Exception {
        client = new RestClient(base);
        client.fixture();
    }

    @Test
    void bobFollowsATrainByItsPathAndSeesItsActionsWhileAlicesTrackersStayAsTheyWere() throws Exception {
        String train = arrival().getJsonArray("targets").getJsonObject(0).getString("id");
        String alicesTrackers = client.object(client.get("activity/trackers", "alice", "application/json"), 200)
                .toString();

        JsonObject followed =
                client.object(client.put("activity/trackers/Train/" + train + "?actorOnly=false", "bob"), 200);
        List<String> bobsVerbs = verbs(client.object(client.get("activity/feed", "bob", "application/json"), 200));
        JsonObject bobsTrackers = client.object(client.get("activity/trackers", "bob", "application/json"), 200);
        JsonObject unfollowed = client.object(client.delete("activity/trackers/Train/" + train, "bob"), 200);

        JsonObject tracker = followed.getJsonArray("trackers").getJsonObject(0);
        assertThat(tracker.getString("type")).isEqualTo("Train");
        assertThat(tracker.getString("objectId")).isEqualTo(train);
        assertThat(tracker.getString("name")).isEqualTo("31");
        assertThat(tracker.getBoolean("actorOnly")).isFalse();
        assertThat(bobsVerbs).contains("arrived", "departed");
        assertThat(bobsTrackers.getJsonArray("trackers")).hasSize(1);
        assertThat(unfollowed.getInt("changed")).isEqualTo(1);
        assertThat(client.object(client.get("activity/trackers", "bob", "application/json"), 200)
                        .getJsonArray("trackers"))
                .isEmpty();
        assertThat(client.object(client.get("activity/trackers", "alice", "application/json"), 200)
                        .toString())
                .isEqualTo(alicesTrackers);
    }

    @Test
    void followingEveryStationNeedsNoIdAndOnlySomeVerbsMayBeFollowed() throws Exception {
        JsonObject followed =
                client.object(client.put("activity/trackers/Station?verb=arrived&actorOnly=false", "bob"), 200);
        JsonObject tracker = followed.getJsonArray("trackers").getJsonObject(0);

        assertThat(tracker.isNull("objectId")).isTrue();
        assertThat(tracker.getString("name")).isEqualTo("every Station");
        assertThat(tracker.getJsonArray("verbs").getString(0)).isEqualTo("arrived");
        assertThat(verbs(client.object(client.get("activity/feed", "bob", "application/json"), 200)))
                .containsExactly("arrived");
        assertThat(client.object(client.delete("activity/trackers/Station", "bob"), 200)
                        .getInt("changed"))
                .isEqualTo(1);
    }

    @Test
    void unknownTypesIdsAndRolesAre404Or400Problems() throws Exception {
        assertProblem(client.put("activity/trackers/Nope/1", "bob"), 404, "ACTRACK-906");
        assertProblem(client.put("activity/trackers/Train/abc", "bob"), 404, "ACTRACK-906");
        assertProblem(client.put("activity/trackers/Train/99999999", "bob"), 404, "ACTRACK-906");
        assertProblem(client.put("activity/trackers/DeletedItem", "bob"), 404, "ACTRACK-906");
        assertProblem(client.put("activity/trackers/Train?actorOnly=maybe", "bob"), 400, "ACTRACK-904");
        assertProblem(
                client.get("activity/objects/Train/99999999/actions", "bob", "application/json"), 404, "ACTRACK-906");
        String train = arrival().getJsonArray("targets").getJsonObject(0).getString("id");
        assertProblem(
                client.get("activity/objects/Train/" + train + "/actions?role=driver", "bob", "application/json"),
                400,
                "ACTRACK-904");
        assertProblem(client.get("activity/feed?cursor=a&before=b", "bob", "application/json"), 400, "ACTRACK-904");
    }

    @Test
    void anObjectsStreamFollowsTheRoleAndTheApplicationsVisibility() throws Exception {
        JsonObject arrival = arrival();
        String train = arrival.getJsonArray("targets").getJsonObject(0).getString("id");
        String paris = arrival.getJsonArray("related").getJsonObject(0).getString("id");
        String driver = arrival.getJsonObject("actor").getString("id");
        String lyon = client.object(client.get("activity/feed?verb=departed", "alice", "application/json"), 200)
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("related")
                .getJsonObject(0)
                .getString("id");

        assertThat(verbs(stream("activity/objects/Train/" + train + "/actions")))
                .contains("arrived", "departed");
        assertThat(verbs(stream("activity/objects/Train/" + train + "/actions?role=target")))
                .contains("arrived", "departed");
        assertThat(verbs(stream("activity/objects/Train/" + train + "/actions?role=actor")))
                .isEmpty();
        assertThat(verbs(stream("activity/objects/Train/actions"))).contains("arrived", "departed");
        assertThat(verbs(stream("activity/objects/Station/" + paris + "/actions")))
                .containsExactly("arrived");
        assertThat(verbs(stream("activity/objects/Station/" + lyon + "/actions")))
                .as("stations show arrivals only")
                .isEmpty();
        assertThat(verbs(stream("activity/objects/Station/" + lyon + "/actions?verb=departed")))
                .as("a request narrows, never widens")
                .isEmpty();
        assertThat(verbs(stream("activity/objects/Station/actions?verb=departed&verb=arrived")))
                .containsExactly("arrived");
        assertThat(client.object(client.get("activity/objects/Train/" + train, "bob", "application/json"), 200)
                        .getString("actions"))
                .endsWith("/activity/objects/Train/" + train + "/actions");
        assertProblem(
                client.get("activity/objects/Member/" + driver + "/actions", "bob", "application/json"),
                403,
                "ACTRACK-908");
        assertProblem(client.get("activity/objects/Member/" + driver, "bob", "application/json"), 403, "ACTRACK-908");
    }

    @Test
    void aCustomStreamBeanIsReadOverHttpThroughTheObjectsVisibility() throws Exception {
        JsonObject arrival = arrival();
        String train = arrival.getJsonArray("targets").getJsonObject(0).getString("id");
        String driver = arrival.getJsonObject("actor").getString("id");

        assertThat(verbs(stream("activity/objects/Train/" + train + "/actions?stream=happened")))
                .containsOnly("departed");
        assertThat(verbs(stream("activity/objects/Train/" + train + "/actions?stream=happened&verb=arrived")))
                .containsOnly("arrived");
        assertProblem(
                client.get("activity/objects/Member/" + driver + "/actions?stream=happened", "bob", "application/json"),
                403,
                "ACTRACK-908");
        assertProblem(
                client.get("activity/objects/Train/" + train + "/actions?stream=nope", "bob", "application/json"),
                400,
                "ACTRACK-132");
    }

    @Test
    void aFlaggedTrackerIsFollowedListedReadAndUnfollowedByItsFlag() throws Exception {
        String train = arrival().getJsonArray("targets").getJsonObject(0).getString("id");

        JsonObject watching = client.object(
                client.put("activity/trackers/Train/" + train + "?actorOnly=false&verb=arrived&flag=watching", "bob"),
                200);
        List<String> watched =
                verbs(client.object(client.get("activity/feed?flag=watching", "bob", "application/json"), 200));
        JsonObject listed =
                client.object(client.get("activity/trackers?flag=watching", "bob", "application/json"), 200);
        JsonObject unfollowed =
                client.object(client.delete("activity/trackers/Train/" + train + "?flag=watching", "bob"), 200);

        assertThat(watching.getJsonArray("trackers").getJsonObject(0).getString("flag"))
                .isEqualTo("watching");
        assertThat(watched).containsOnly("arrived").isNotEmpty();
        assertThat(listed.getJsonArray("trackers")).hasSize(1);
        assertThat(unfollowed.getInt("changed")).isEqualTo(1);
        assertProblem(client.put("activity/trackers/Train/" + train + "?flag=%20", "bob"), 400, "ACTRACK-135");
    }

    @Test
    void aGroupedFeedCountsItsGroupsAndAGroupIsMarkedReadByItsUnreadIds() throws Exception {
        JsonObject page =
                client.object(client.get("activity/feed?grouped=true&members=1", "alice", "application/json"), 200);
        List<JsonObject> groups = page.getJsonArray("items").getValuesAs(JsonObject.class);
        JsonObject arrivals = groups.stream()
                .filter(group -> group.getString("verb").equals("arrived"))
                .findFirst()
                .orElseThrow();
        StringBuilder ids = new StringBuilder();
        arrivals.getJsonArray("unreadIds")
                .getValuesAs(jakarta.json.JsonNumber.class)
                .forEach(id -> ids.append(ids.length() == 0 ? "?" : "&")
                        .append("action=")
                        .append(id));

        JsonObject marked = client.object(client.post("activity/feed/read" + ids, "alice"), 200);
        JsonObject after =
                client.object(client.get("activity/feed?grouped=true&verb=arrived", "alice", "application/json"), 200);
        JsonObject activityStreams = client.object(
                client.get("activity/feed?grouped=true&page=true", "alice", "application/activity+json"), 200);

        assertThat(arrivals.getJsonArray("members")).hasSize(1);
        assertThat(arrivals.getInt("actions"))
                .isEqualTo(arrivals.getJsonArray("unreadIds").size());
        assertThat(marked.getInt("marked")).isEqualTo(arrivals.getInt("actions"));
        assertThat(after.getJsonArray("items").getJsonObject(0).getInt("unread"))
                .isZero();
        assertThat(activityStreams.getJsonArray("orderedItems").getJsonObject(0).getString("type"))
                .isEqualTo("Collection");
        assertProblem(
                client.get("activity/feed?grouped=true&members=0", "alice", "application/json"), 400, "ACTRACK-904");
    }

    @Test
    void oneActionIsReadByWhomItsFeedOrItsObjectsShowItTo() throws Exception {
        long arrival = arrival().getJsonNumber("id").longValue();

        assertThat(client.object(client.get("activity/actions/" + arrival, "alice", "application/json"), 200)
                        .getString("verb"))
                .isEqualTo("arrived");
        assertThat(client.object(client.get("activity/actions/" + arrival, "bob", "application/activity+json"), 200)
                        .getString("actrack:verb"))
                .as("bob may see trains")
                .isEqualTo("arrived");
        assertThat(client.object(client.get("activity/feed?verb=greeted", "carol", "application/json"), 200)
                        .getJsonArray("items"))
                .as("carol follows the driver, but members' streams are private: her feed hides his greeting")
                .isEmpty();
        assertProblem(client.get("activity/actions/abc", "bob", "application/json"), 400, "ACTRACK-904");
        assertProblem(client.get("activity/actions/99999999", "bob", "application/json"), 404, "ACTRACK-905");
    }

    @Test
    void objectsAppearWithTheNamesAndAddressesTheApplicationGivesThem() throws Exception {
        String paris = arrival().getJsonArray("related").getJsonObject(0).getString("id");
        JsonObject activity = client.object(
                        client.get("activity/feed?verb=arrived&page=true", "alice", "application/activity+json"), 200)
                .getJsonArray("orderedItems")
                .getJsonObject(0);
        JsonObject plain = arrival();

        JsonObject station = activity.getJsonArray("context").getJsonObject(0);
        assertThat(station.getString("id")).isEqualTo("https://stations.example/" + paris);
        assertThat(station.getString("name")).isEqualTo("Gare de Paris");
        assertThat(plain.getJsonArray("related").getJsonObject(0).getString("name"))
                .isEqualTo("Gare de Paris");
        assertThat(activity.getJsonArray("object").getJsonObject(0).getString("id"))
                .as("trains keep actrack's address")
                .contains("/activity/objects/Train/");
    }

    @Test
    void everyEndpointRefusesACallerWithoutCredentials() throws Exception {
        for (HttpRequest request : List.of(
                client.get("activity/feed", null, "application/json"),
                client.get("activity/feed/unread-count", null, "application/json"),
                client.post("activity/feed/read", null),
                client.post("activity/feed/1/read", null),
                client.get("activity/trackers", null, "application/json"),
                client.put("activity/trackers/Train", null),
                client.delete("activity/trackers/Train", null),
                client.get("activity/objects/Train/actions", null, "application/json"),
                client.get("activity/actions/1", null, "application/json"),
                client.get("activity/feed/events", null, "text/event-stream"))) {
            assertProblem(request, 401, "ACTRACK-902");
        }
    }

    @Test
    void theFeedAsAtomHasEveryRequiredElementAndEscapesHostileNames() throws Exception {
        HttpResponse<String> response = client.send(client.get("activity/feed", "alice", "application/atom+xml"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = atom.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
        }
        List<Element> entries = children(feed, "entry");
        assertThat(entries).isNotEmpty();
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry/" + required).hasSize(1);
            }
        }
        Element author = children(entries.get(0), "author").get(0);
        assertThat(children(author, "name").get(0).getTextContent()).isEqualTo("driver <b>&</b>");
        assertThat(response.body()).contains("driver &lt;b&gt;&amp;&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void thePreviousLinkOfTheSecondPageLeadsBackToTheFirst() throws Exception {
        JsonObject first = client.object(client.get("activity/feed?size=1", "alice", "application/json"), 200);
        HttpResponse<String> secondResponse = client.send(HttpRequest.newBuilder(URI.create(first.getString("next")))
                .header("Authorization", RestClient.basic("alice"))
                .header("Accept", "application/json")
                .build());
        JsonObject second = RestClient.json(secondResponse).asJsonObject();
        JsonObject previous = client.object(
                HttpRequest.newBuilder(URI.create(second.getString("prev")))
                        .header("Authorization", RestClient.basic("alice"))
                        .header("Accept", "application/json")
                        .build(),
                200);

        assertThat(first.isNull("prev")).isTrue();
        assertThat(secondResponse.headers().allValues("Link"))
                .anySatisfy(link -> assertThat(link).endsWith("rel=\"prev\""));
        assertThat(previous.getJsonArray("items")).isEqualTo(first.getJsonArray("items"));
        assertThat(previous.isNull("prev")).isTrue();
        assertThat(previous.getString("next")).contains("cursor=");
    }

    @Test
    void theLiveFeedSendsCommittedActionsInOrderAndResumesAfterACutWithNothingLostOrRepeated() throws Exception {
        List<String> received = new ArrayList<>();
        String lastId;
        CompletableFuture<Void> announcing;
        try (LiveEvents live = openLive("alice")) {
            announcing = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 10; i++) {
                    try {
                        client.announce("live-" + i);
                        Thread.sleep(150);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            LiveEvents.Event event = null;
            for (int i = 0; i < 3; i++) {
                event = live.next("action", PATIENCE);
                received.add(verb(event));
            }
            lastId = event.id();
        }
        try (LiveEvents resumed = openLive("alice", lastId)) {
            while (!received.contains("live-10")) {
                received.add(verb(resumed.next("action", PATIENCE)));
            }
            announcing.get();
            assertThat(resumed.during(Duration.ofMillis(2500)))
                    .as("nothing sent twice")
                    .noneMatch(e -> e.name().equals("action"));
            assertThat(resumed.nextComment(PATIENCE))
                    .as("after the opening comment, heartbeats, every second here")
                    .isEqualTo("heartbeat");
        }
        assertThat(received)
                .containsExactly(
                        "live-1", "live-2", "live-3", "live-4", "live-5", "live-6", "live-7", "live-8", "live-9",
                        "live-10");
    }

    @Test
    void anActionWhoseTransactionCommitsAfterANewerOneIsStillSentAndAResumeRepeatsNothing() throws Exception {
        String lastId;
        try (LiveEvents live = openLive("alice")) {
            client.announce("early");
            LiveEvents.Event early = live.next("action", PATIENCE);

            // Stamped just before the action already sent, as a transaction that commits late.
            java.time.Instant earlyTime = java.time.Instant.parse(
                    RestClient.json(early.data()).asJsonObject().getString("published"));
            client.announceAt("late", earlyTime.minusMillis(1));
            LiveEvents.Event lateOne = live.next("action", PATIENCE);

            assertThat(List.of(verb(early), verb(lateOne))).containsExactly("early", "late");
            assertThat(lateOne.id())
                    .as("the late action carries the newer position")
                    .isEqualTo(early.id());
            lastId = lateOne.id();
        }
        try (LiveEvents resumed = openLive("alice", lastId)) {
            assertThat(resumed.during(Duration.ofMillis(2500)))
                    .as("nothing sent twice")
                    .noneMatch(e -> e.name().equals("action"));
        }
    }

    @Test
    void theLiveFeedSendsTheNewUnreadCountAndOnlyTheCallersActions() throws Exception {
        try (LiveEvents alice = openLive("alice");
                LiveEvents bob = openLive("bob")) {
            long before = client.object(client.get("activity/feed/unread-count", "alice", "application/json"), 200)
                    .getInt("unread");

            client.announce("counted");

            assertThat(verb(alice.next("action", PATIENCE))).isEqualTo("counted");
            JsonObject counts =
                    RestClient.json(alice.next("unread", PATIENCE).data()).asJsonObject();
            assertThat(counts.getInt("unread")).isEqualTo(before + 1);
            assertThat(counts.getInt("unseen"))
                    .as("alice never marked her feed seen: everything unread is unseen")
                    .isEqualTo(before + 1);
            assertThat(bob.during(Duration.ofMillis(2500)))
                    .noneMatch(e -> e.name().equals("action"));
        }
    }

    @Test
    void liveFeedsAreLimitedPerUserAndRefuseForeignCursorsBeforeOpening() throws Exception {
        assertProblem(liveFeed("bob", "not-a-cursor"), 400, "ACTRACK-114");
        assertProblem(client.get("activity/feed/events", "bob", "application/json"), 406, null);
        try (LiveEvents first = openLive("bob");
                LiveEvents second = openLive("bob")) {

            assertProblem(liveFeed("bob", null), 429, "ACTRACK-909");
        }
    }

    /**
     * Opens a live feed and waits for its opening comment. A feed another test closed on its side still counts
     * toward the caller's limit until the server's next heartbeat finds it gone (every second here): 429 is
     * retried meanwhile.
     */
    private LiveEvents openLive(String caller) throws Exception {
        return openLive(caller, null);
    }

    private LiveEvents openLive(String caller, String lastEventId) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            LiveEvents live = LiveEvents.open(http, liveFeed(caller, lastEventId));
            if (live.status() == 200) {
                live.nextComment(PATIENCE);
                return live;
            }
            String refusal = live.body();
            if (live.status() != 429 || System.nanoTime() > end) {
                throw new AssertionError("The live feed answered " + live.status() + ": " + refusal);
            }
            Thread.sleep(200);
        }
    }

    private HttpRequest liveFeed(String caller, String lastEventId) {
        HttpRequest.Builder request =
                client.request("activity/feed/events", caller).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request.build();
    }

    private JsonObject arrival() throws Exception {
        return client.object(client.get("activity/feed?verb=arrived", "alice", "application/json"), 200)
                .getJsonArray("items")
                .getJsonObject(0);
    }

    private JsonObject stream(String path) throws Exception {
        return client.object(client.get(path, "bob", "application/json"), 200);
    }

    private void assertProblem(HttpRequest request, int status, String code) throws Exception {
        HttpResponse<String> response = client.send(request);
        assertThat(response.statusCode())
                .as(request.method() + " " + request.uri() + ": " + response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("application/problem+json");
        if (code != null) {
            assertThat(RestClient.json(response).asJsonObject().getString("code"))
                    .isEqualTo(code);
        }
    }

    private static List<String> verbs(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("verb"))
                .toList();
    }

    private static String verb(LiveEvents.Event event) {
        return RestClient.json(event.data()).asJsonObject().getString("verb");
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element
                    && name.equals(element.getLocalName())
                    && "http://www.w3.org/2005/Atom".equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }
}
