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

    private Http.Answer put(String path) {
        return bob.put(path, "X-Requested-With", "test");
    }

    private Http.Answer delete(String path) {
        return bob.delete(path, "X-Requested-With", "test");
    }
}
