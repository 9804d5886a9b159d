/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.actrack.rest.fixtures.RailwayStreams;
import org.actrack.rest.fixtures.StationPages;
import org.actrack.rest.fixtures.TrainsAndStationsVisible;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Object and type streams, single actions and the application's names, with its visibility rules. */
class StreamsTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(
            Map.of(),
            TrainsAndStationsVisible.class,
            StationPages.class,
            RailwayStreams.Happened.class,
            RailwayStreams.AllMembers.class);

    private Railway railway;
    private Http bob;

    @BeforeEach
    void fixture() {
        railway = new Railway(server);
        bob = server.as("bob");
    }

    @Test
    void anObjectsStreamFollowsTheRoleAndTheApplicationsVisibility() {
        long train = railway.train.getId();

        assertThat(verbs("activity/objects/Train/" + train + "/actions")).containsExactly("arrived", "departed");
        assertThat(verbs("activity/objects/Train/" + train + "/actions?role=target"))
                .containsExactly("arrived", "departed");
        assertThat(verbs("activity/objects/Train/" + train + "/actions?role=actor"))
                .isEmpty();
        assertThat(verbs("activity/objects/Train/actions")).containsExactly("arrived", "departed");
        assertThat(verbs("activity/objects/Station/" + railway.paris.getId() + "/actions"))
                .containsExactly("arrived");
        assertThat(verbs("activity/objects/Station/" + railway.lyon.getId() + "/actions"))
                .as("stations show arrivals only")
                .isEmpty();
        assertThat(verbs("activity/objects/Station/" + railway.lyon.getId() + "/actions?verb=departed"))
                .as("a request narrows, never widens")
                .isEmpty();
        assertThat(verbs("activity/objects/Station/actions?verb=departed&verb=arrived"))
                .containsExactly("arrived");
        assertThat(bob.get("activity/objects/Train/" + train).json().getString("actions"))
                .endsWith("/activity/objects/Train/" + train + "/actions");
        assertProblem(bob.get("activity/objects/Member/" + railway.driver.getId() + "/actions"), 403, "ACTRACK-908");
        assertProblem(bob.get("activity/objects/Member/" + railway.driver.getId()), 403, "ACTRACK-908");
        assertProblem(bob.get("activity/objects/Train/" + train + "/actions?role=driver"), 400, "ACTRACK-904");
        assertProblem(bob.get("activity/objects/Train/99999999/actions"), 404, "ACTRACK-906");
    }

    @Test
    void groupedStreamsKeepTheApplicationsVisibilityAndCustomStreamsTheirArguments() {
        railway.announce("arrived");
        long train = railway.train.getId();

        assertThat(verbs("activity/objects/Train/" + train + "/actions?grouped=true"))
                .containsExactly("arrived", "departed");
        assertThat(bob.get("activity/objects/Train/" + train + "/actions?grouped=true")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getInt("actions"))
                .isEqualTo(2);
        assertThat(verbs("activity/objects/Station/" + railway.lyon.getId() + "/actions?grouped=true"))
                .as("stations show arrivals only, grouped or not")
                .isEmpty();
        assertThat(verbs("activity/objects/Station/actions?grouped=true&verb=departed&verb=arrived"))
                .containsExactly("arrived");
        assertThat(verbs("activity/objects/Train/" + train + "/actions?stream=happened&verb=arrived&grouped=true"))
                .as("grouped and members are no arguments of a custom stream")
                .containsExactly("arrived");
    }

    @Test
    void aCustomStreamIsReadForAnObjectOrATypeWithItsArgumentsAndTheObjectsVisibility() {
        String train = "activity/objects/Train/" + railway.train.getId() + "/actions";
        String paris = "activity/objects/Station/" + railway.paris.getId() + "/actions";

        assertThat(verbs(train + "?stream=happened")).containsExactly("departed");
        assertThat(verbs(train + "?stream=happened&verb=arrived"))
                .as("a stream's argument named like a filter is given to the stream and filters the page")
                .containsExactly("arrived");
        assertThat(verbs(train + "?stream=happened&time=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(verbs("activity/objects/Train/actions?stream=happened")).containsExactly("departed");
        assertThat(verbs(paris + "?stream=happened&verb=arrived")).containsExactly("arrived");
        assertThat(verbs("activity/objects/Station/" + railway.lyon.getId() + "/actions?stream=happened"))
                .as("the station's limits (arrivals only) narrow its custom streams too")
                .isEmpty();
        assertThat(server.log().streams().named("happened", railway.lyon).count())
                .as("in Java, without actrack-rest's rules")
                .isEqualTo(1);
    }

    @Test
    void aCustomStreamPagesWithItsArgumentsInItsLinks() {
        railway.announce("departed");
        JsonObject first = bob.get(
                        "activity/objects/Train/" + railway.train.getId() + "/actions?stream=happened&size=1")
                .json();

        JsonObject second = bob.send("GET", first.getString("next"), null, "Accept", "application/json")
                .json();

        assertThat(first.getString("next")).contains("stream=happened");
        assertThat(first.getJsonArray("items")).hasSize(1);
        assertThat(second.getJsonArray("items")).hasSize(1);
        assertThat(id(second)).isLessThan(id(first));
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("verb"))
                .isEqualTo("departed");
    }

    @Test
    void aCustomStreamIsRefusedWhereItsSubjectOrTheStreamIsNotVisibleOrTheRequestIsWrong() {
        String train = "activity/objects/Train/" + railway.train.getId() + "/actions";

        assertProblem(
                bob.get("activity/objects/Member/" + railway.driver.getId() + "/actions?stream=happened"),
                403,
                "ACTRACK-908");
        assertProblem(bob.get(train + "?stream=all-members"), 403, "ACTRACK-908");
        assertProblem(bob.get(train + "?stream=mystrem"), 400, "ACTRACK-132");
        assertProblem(bob.get(train + "?stream=happened&time=yesterday"), 400, "ACTRACK-133");
        assertProblem(bob.get(train + "?stream=happened&role=actor"), 400, "ACTRACK-904");
        assertProblem(server.anonymous().get(train + "?stream=happened"), 401, "ACTRACK-902");
    }

    @Test
    void oneActionIsReadByWhomItsFeedOrItsObjectsShowItTo() {
        long arrival = id(server.as("alice").get("activity/feed?verb=arrived").json());
        long greeted =
                server.log().actions(railway.carol).asTarget().list(1).get(0).id();

        assertThat(server.as("alice").get("activity/actions/" + arrival).json().getString("verb"))
                .isEqualTo("arrived");
        assertThat(bob.get("activity/actions/" + arrival, "Accept", "application/activity+json")
                        .json()
                        .getString("actrack:verb"))
                .as("bob may see trains")
                .isEqualTo("arrived");
        assertThat(server.as("carol").get("activity/feed?verb=greeted").json().getJsonArray("items"))
                .as("carol follows the driver, but members' streams are private: her feed hides the greeting")
                .isEmpty();
        assertProblem(server.as("carol").get("activity/actions/" + greeted), 404, "ACTRACK-905");
        assertProblem(bob.get("activity/actions/" + greeted), 404, "ACTRACK-905");
        assertProblem(server.as("alice").get("activity/actions/" + greeted), 404, "ACTRACK-905");
        assertProblem(
                server.as("alice").post("activity/feed/" + greeted + "/read", "X-Requested-With", "x"),
                404,
                "ACTRACK-905");
        assertProblem(bob.get("activity/actions/abc"), 400, "ACTRACK-904");
    }

    @Test
    void objectsAppearWithTheNamesAndAddressesTheApplicationGivesThem() {
        Http alice = server.as("alice");
        JsonObject activity = alice.get("activity/feed?verb=arrived&page=true", "Accept", "application/activity+json")
                .json()
                .getJsonArray("orderedItems")
                .getJsonObject(0);
        JsonObject plain = alice.get("activity/feed?verb=arrived")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);

        JsonObject station = activity.getJsonArray("context").getJsonObject(0);
        assertThat(station.getString("id")).isEqualTo("https://stations.example/" + railway.paris.getId());
        assertThat(station.getString("name")).isEqualTo("Gare de Paris");
        assertThat(plain.getJsonArray("related").getJsonObject(0).getString("name"))
                .isEqualTo("Gare de Paris");
        assertThat(activity.getJsonArray("object").getJsonObject(0).getString("id"))
                .as("trains keep actrack's address")
                .contains("/activity/objects/Train/");
    }

    @Test
    void everyEndpointRefusesACallerWithoutCredentials() {
        Http anonymous = server.anonymous();
        for (String[] request : new String[][] {
            {"GET", "activity/feed"},
            {"GET", "activity/feed/unread-count"},
            {"POST", "activity/feed/read"},
            {"POST", "activity/feed/1/read"},
            {"GET", "activity/trackers"},
            {"PUT", "activity/trackers/Train"},
            {"DELETE", "activity/trackers/Train"},
            {"GET", "activity/objects/Train/actions"},
            {"GET", "activity/actions/1"},
            {"GET", "activity/objects/Train/1"}
        }) {
            assertProblem(anonymous.send(request[0], request[1], null, "X-Requested-With", "x"), 401, "ACTRACK-902");
        }
        assertThat(server.anonymous().live().status()).isEqualTo(401);
    }

    @Test
    void theFeedAsAtomHasEveryRequiredElementAndEscapesHostileNames() throws Exception {
        Http.Answer answer = server.as("alice").get("activity/feed", "Accept", "application/atom+xml");

        assertThat(answer.contentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document atom = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = atom.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        for (String required : List.of("id", "title", "updated", "author")) {
            assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
        }
        List<Element> entries = children(feed, "entry");
        assertThat(entries).hasSize(2);
        for (Element entry : entries) {
            for (String required : List.of("id", "title", "updated")) {
                assertThat(children(entry, required)).as("entry/" + required).hasSize(1);
            }
        }
        assertThat(children(children(entries.get(0), "author").get(0), "name")
                        .get(0)
                        .getTextContent())
                .isEqualTo("driver <b>&</b>");
        assertThat(answer.body()).doesNotContain("<b>");
    }

    private List<String> verbs(String path) {
        Http.Answer answer = bob.get(path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("verb"))
                .toList();
    }

    private static long id(JsonObject page) {
        return page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static void assertProblem(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.problemCode()).isEqualTo(code);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
