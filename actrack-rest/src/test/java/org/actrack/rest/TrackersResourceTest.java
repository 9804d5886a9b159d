/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.actrack.rest.fixtures.TrainsAndStationsVisible;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Following over HTTP: what each request does, and what it refuses. */
class TrackersResourceTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of(), TrainsAndStationsVisible.class);

    private Railway railway;
    private Http bob;

    @BeforeEach
    void fixture() {
        railway = new Railway(server);
        bob = server.as("bob");
    }

    @Test
    void followingOverHttpMeansEveryRoleUnlessActorOnlyIsAsked() {
        JsonObject tracker = put("activity/trackers/Train/" + railway.train.getId())
                .json()
                .getJsonArray("trackers")
                .getJsonObject(0);

        assertThat(tracker.getBoolean("actorOnly")).isFalse();
        assertThat(tracker.getJsonArray("verbs")).isEmpty();
        assertThat(bob.get("activity/feed").json().getJsonArray("items"))
                .as("the train's actions, where it is the target")
                .hasSize(2);
        assertThat(put("activity/trackers/Train/" + railway.train.getId() + "?actorOnly=true")
                        .json()
                        .getJsonArray("trackers")
                        .getJsonObject(0)
                        .getBoolean("actorOnly"))
                .isTrue();
        assertThat(bob.get("activity/feed").json().getJsonArray("items")).isEmpty();
    }

    @Test
    void followingAWholeTypeNeedsNoId() {
        put("activity/trackers/Station?verb=arrived");

        JsonObject tracker =
                bob.get("activity/trackers").json().getJsonArray("trackers").getJsonObject(0);
        assertThat(tracker.getString("name")).isEqualTo("every Station");
        assertThat(tracker.isNull("objectId")).isTrue();
        assertThat(bob.get("activity/feed").json().getJsonArray("items"))
                .extracting(item -> item.asJsonObject().getString("verb"))
                .containsExactly("arrived");
    }

    @Test
    void aFlaggedTrackerIsOneMoreTrackerListedFilteredAndUnfollowedByItsFlag() {
        String train = "activity/trackers/Train/" + railway.train.getId();
        put(train);

        JsonObject watching = put(train + "?flag=watching&verb=arrived")
                .json()
                .getJsonArray("trackers")
                .getJsonObject(0);

        assertThat(watching.getString("flag")).isEqualTo("watching");
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers"))
                .extracting(tracker -> tracker.asJsonObject().get("flag").toString())
                .containsExactlyInAnyOrder("null", "\"watching\"");
        assertThat(bob.get("activity/trackers?flag=watching").json().getJsonArray("trackers"))
                .hasSize(1);
        assertThat(bob.get("activity/feed?flag=watching").json().getJsonArray("items"))
                .as("the feed of what bob watches: arrivals of the train")
                .extracting(item -> item.asJsonObject().getString("verb"))
                .containsExactly("arrived");
        assertThat(bob.get("activity/feed?flag=watching").json().containsKey("live"))
                .as("the live feed is of every tracker: no continuation is linked")
                .isFalse();
        assertThat(bob.get("activity/feed").json().getJsonArray("items")).hasSize(2);
        assertThat(delete(train + "?flag=watching").json().getInt("changed")).isEqualTo(1);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers"))
                .singleElement()
                .satisfies(tracker ->
                        assertThat(tracker.asJsonObject().isNull("flag")).isTrue());
        assertThat(post("follow", "{\"objects\": [{\"type\": \"Station\"}], \"flag\": \"liking\"}")
                        .json()
                        .getJsonArray("trackers")
                        .getJsonObject(0)
                        .getString("flag"))
                .isEqualTo("liking");
        assertThat(post("unfollow", "{\"objects\": [{\"type\": \"Station\"}], \"flag\": \"liking\"}")
                        .json()
                        .getInt("changed"))
                .isEqualTo(1);
    }

    @Test
    void aBlankOrLongFlagIsA400ThatChangesNothing() {
        String train = "activity/trackers/Train/" + railway.train.getId();

        Http.Answer blank = put(train + "?flag=%20");
        Http.Answer longFlag = put(train + "?flag=" + "x".repeat(65));
        Http.Answer notText = post("follow", "{\"objects\": [{\"type\": \"Station\"}], \"flag\": 3}");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.problemCode()).isEqualTo("ACTRACK-135");
        assertThat(longFlag.status()).isEqualTo(400);
        assertThat(longFlag.json().getString("detail")).contains("65 characters");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.json().getString("detail")).contains("flag");
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void removingSomeVerbsOfATrackerOfEveryVerbIsAConflictThatChangesNothing() {
        put("activity/trackers/Train/" + railway.train.getId());

        Http.Answer answer = delete("activity/trackers/Train/" + railway.train.getId() + "?verb=departed");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.problemCode()).isEqualTo("ACTRACK-916");
        assertThat(answer.json().getString("detail")).contains("every verb").contains("departed");
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).hasSize(1);
    }

    @Test
    void removingSomeVerbsOfATrackerOfSomeVerbsKeepsTheOthers() {
        put("activity/trackers/Train/" + railway.train.getId() + "?verb=departed&verb=arrived");

        Http.Answer answer = delete("activity/trackers/Train/" + railway.train.getId() + "?verb=departed");

        assertThat(answer.json().getInt("changed")).isEqualTo(1);
        assertThat(bob.get("activity/trackers")
                        .json()
                        .getJsonArray("trackers")
                        .getJsonObject(0)
                        .getJsonArray("verbs")
                        .getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("arrived");
        assertThat(delete("activity/trackers/Train/" + railway.train.getId())
                        .json()
                        .getInt("changed"))
                .isEqualTo(1);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void followingWhatTheRulesHideIs403AndWritesNothing() {
        Http.Answer member = put("activity/trackers/Member/" + railway.alice.getId());
        Http.Answer everyMember = put("activity/trackers/Member");

        assertThat(member.status()).isEqualTo(403);
        assertThat(member.problemCode()).isEqualTo("ACTRACK-908");
        assertThat(everyMember.status()).isEqualTo(403);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void unknownTypesIdsAndMalformedPathsAre404ProblemsThatFollowNothing() {
        for (String path : List.of(
                "activity/trackers/Nothing/1",
                "activity/trackers/Train/999999",
                "activity/trackers/Train/abc",
                "activity/trackers/Nothing")) {
            Http.Answer answer = put(path);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.problemCode()).as(path).isIn("ACTRACK-906", "ACTRACK-912");
        }
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void aCallerChangesOnlyTheirOwnTrackers() {
        put("activity/trackers/Station/" + railway.paris.getId());

        Http alice = server.as("alice");
        assertThat(alice.get("activity/trackers").json().getJsonArray("trackers"))
                .hasSize(1);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).hasSize(1);
        assertThat(delete("activity/trackers/Train/" + railway.train.getId())
                        .json()
                        .getInt("changed"))
                .as("bob has no such tracker")
                .isZero();
        assertThat(alice.get("activity/trackers").json().getJsonArray("trackers"))
                .hasSize(1);
    }

    @Test
    void aTrackerOfAnObjectTheCallerCanNoLongerSeeIsListedWithoutItsName() {
        server.log().track(railway.bob, railway.driver);

        JsonObject tracker =
                bob.get("activity/trackers").json().getJsonArray("trackers").getJsonObject(0);

        assertThat(tracker.getBoolean("visible")).isFalse();
        assertThat(tracker.getString("name")).isEqualTo("Member " + railway.driver.getId());
        assertThat(bob.get("activity/feed").json().getJsonArray("items"))
                .as("nor its actions")
                .isEmpty();
    }

    @Test
    void severalObjectsAndTypesAreFollowedInOneRequest() {
        Http.Answer answer = post(
                "follow",
                "{\"objects\": [{\"type\": \"Train\", \"id\": \"" + railway.train.getId() + "\"},"
                        + " {\"type\": \"Station\", \"id\": " + railway.paris.getId() + "},"
                        + " {\"type\": \"Station\"}], \"verbs\": [\"arrived\"]}");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("trackers").getValuesAs(JsonObject.class))
                .extracting(tracker -> tracker.getString("name") + " " + tracker.getBoolean("actorOnly") + " "
                        + tracker.getJsonArray("verbs"))
                .containsExactly(
                        "31 false [\"arrived\"]", "Paris false [\"arrived\"]", "every Station false [\"arrived\"]");
        assertThat(bob.get("activity/feed").json().getJsonArray("items"))
                .extracting(item -> item.asJsonObject().getString("verb"))
                .containsExactly("arrived");

        Http.Answer unfollowed = post(
                "unfollow",
                "{\"objects\": [{\"type\": \"Train\", \"id\": \"" + railway.train.getId() + "\"},"
                        + " {\"type\": \"Station\"}]}");

        assertThat(unfollowed.json().getInt("changed")).isEqualTo(2);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers").getValuesAs(JsonObject.class))
                .extracting(tracker -> tracker.getString("name"))
                .containsExactly("Paris");
    }

    @Test
    void oneObjectThatCannotBeFollowedFailsTheWholeRequestAndFollowsNothing() {
        String train = "{\"type\": \"Train\", \"id\": \"" + railway.train.getId() + "\"}";
        Http.Answer hidden = post(
                "follow",
                "{\"objects\": [" + train + ", {\"type\": \"Member\", \"id\": \"" + railway.alice.getId() + "\"}]}");
        Http.Answer unknown =
                post("follow", "{\"objects\": [" + train + ", {\"type\": \"Train\", \"id\": \"999999\"}]}");

        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.json().getString("detail")).contains("Member " + railway.alice.getId());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("detail")).contains("999999");
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void unfollowingSomeVerbsOfATrackerOfEveryVerbInABatchChangesNothing() {
        put("activity/trackers/Train/" + railway.train.getId());
        put("activity/trackers/Station/" + railway.paris.getId() + "?verb=arrived&verb=closed");

        Http.Answer answer = post(
                "unfollow",
                "{\"objects\": [{\"type\": \"Station\", \"id\": \"" + railway.paris.getId() + "\"},"
                        + " {\"type\": \"Train\", \"id\": \"" + railway.train.getId() + "\"}],"
                        + " \"verbs\": [\"closed\"]}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().getString("detail")).contains("Train " + railway.train.getId());
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers").getValuesAs(JsonObject.class))
                .extracting(tracker -> tracker.getJsonArray("verbs").size())
                .containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void malformedBatchesAre400ProblemsNamingWhatIsWrong() {
        String tooMany = "{\"objects\": ["
                + String.join(
                        ",", java.util.Collections.nCopies(TrackerBatch.MAX_OBJECTS + 1, "{\"type\": \"Station\"}"))
                + "]}";
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("", "body");
        bodies.put("not json", "body");
        bodies.put("[]", "body");
        bodies.put("{\"objects\": [{\"type\": \"Station\"}], \"extra\": 1}", "body");
        bodies.put("{}", "objects");
        bodies.put("{\"objects\": []}", "objects");
        bodies.put(tooMany, "objects");
        bodies.put("{\"objects\": [{\"id\": \"1\"}]}", "objects[0]");
        bodies.put("{\"objects\": [{\"type\": \"Station\", \"id\": 1.5}]}", "objects[0]");
        bodies.put("{\"objects\": [{\"type\": \"Station\"}, {\"type\": \"\"}]}", "objects[1]");
        bodies.put("{\"objects\": [{\"type\": \"Station\"}], \"verbs\": \"arrived\"}", "verbs");
        bodies.put("{\"objects\": [{\"type\": \"Station\"}], \"actorOnly\": \"yes\"}", "actorOnly");
        bodies.put(
                "{\"objects\": [{\"type\": \"Station\"}], \"x\": \"" + "y".repeat(TrackerBatch.MAX_BYTES) + "\"}",
                "body");
        bodies.forEach((body, member) -> {
            Http.Answer answer = post("follow", body);

            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.problemCode()).as(body).isEqualTo("ACTRACK-904");
            assertThat(answer.json().getString("detail")).as(body).startsWith("The parameter " + member + " must be");
        });
        Http.Answer notJson = bob.send(
                "POST",
                "activity/trackers/follow",
                "objects=Station",
                "X-Requested-With",
                "test",
                "Content-Type",
                "application/x-www-form-urlencoded");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void aBatchFromAnotherSiteIsRefused() {
        Http.Answer answer = bob.send(
                "POST",
                "activity/trackers/follow",
                "{\"objects\": [{\"type\": \"Station\"}]}",
                "Content-Type",
                "application/json",
                "Origin",
                "https://evil.example");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(bob.get("activity/trackers").json().getJsonArray("trackers")).isEmpty();
    }

    @Test
    void theUnseenCountShowsOnlyWhatTheRulesLetTheCallerSee() {
        server.log().track(railway.bob, railway.driver);
        server.log().log(railway.driver, "waved", org.actrack.Options.targets(railway.alice));
        put("activity/trackers/Train/" + railway.train.getId());
        railway.announce("late");

        JsonObject counts = bob.get("activity/feed/unread-count").json();
        long unseenOfTheEngine = server.log().unread(railway.bob).countUnseen();
        bob.post("activity/feed/seen", "X-Requested-With", "test");
        railway.announce("later still");
        JsonObject after = bob.get("activity/feed/unread-count").json();

        assertThat(unseenOfTheEngine)
                .as("the engine also counts the driver's action, which members may not see")
                .isEqualTo(2);
        assertThat(counts.getInt("unread")).isEqualTo(1);
        assertThat(counts.getInt("unseen")).isEqualTo(1);
        assertThat(after.getInt("unread")).isEqualTo(2);
        assertThat(after.getInt("unseen")).isEqualTo(1);
    }

    private Http.Answer post(String batch, String body) {
        return bob.send(
                "POST",
                "activity/trackers/" + batch,
                body,
                "X-Requested-With",
                "test",
                "Content-Type",
                "application/json");
    }

    private Http.Answer put(String path) {
        return bob.put(path, "X-Requested-With", "test");
    }

    private Http.Answer delete(String path) {
        return bob.delete(path, "X-Requested-With", "test");
    }
}
