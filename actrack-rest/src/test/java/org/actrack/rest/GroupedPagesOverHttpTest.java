/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grouped pages over HTTP ({@code grouped=true}): the feed as groups in plain JSON, Activity Streams 2.0 and Atom, with
 * each group's counts and the caller's unread and seen state, and marking a group read by its unread ids.
 */
class GroupedPagesOverHttpTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of());

    private Railway railway;
    private Http alice;

    @BeforeEach
    void fixture() {
        railway = new Railway(server);
        railway.announce("arrived");
        railway.announce("arrived");
        alice = server.as("alice");
    }

    @Test
    void theGroupedFeedCountsEachGroupAndShowsItsNewestMembers() {
        Http.Answer answer = alice.get("activity/feed?grouped=true&members=2", "Accept", "application/json");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonObject> groups = answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(groups).extracting(group -> group.getString("verb")).containsExactly("arrived", "departed");
        JsonObject arrivals = groups.get(0);
        assertThat(arrivals.getInt("actions")).isEqualTo(3);
        assertThat(arrivals.getInt("actors")).isEqualTo(1);
        assertThat(arrivals.getJsonArray("members")).hasSize(2);
        assertThat(arrivals.getJsonArray("members").getJsonObject(0).getBoolean("unread"))
                .isTrue();
        assertThat(arrivals.getJsonObject("groupedBy").getString("name")).isEqualTo("31");
        assertThat(arrivals.getString("summary")).endsWith("(+2)");
        assertThat(arrivals.getInt("unread")).isEqualTo(3);
        assertThat(arrivals.getJsonArray("unreadIds")).hasSize(3);
        assertThat(arrivals.getBoolean("seen")).isFalse();
        assertThat(answer.json().isNull("next")).isTrue();
    }

    @Test
    void groupsArePagedByCursorWithoutSplittingOne() {
        JsonObject first = alice.get("activity/feed?grouped=true&size=1", "Accept", "application/json")
                .json();
        JsonObject second = alice.send("GET", first.getString("next"), null, "Accept", "application/json")
                .json();

        assertThat(first.getJsonArray("items").getJsonObject(0).getInt("actions"))
                .isEqualTo(3);
        assertThat(second.getJsonArray("items").getJsonObject(0).getString("verb"))
                .isEqualTo("departed");
        assertThat(second.isNull("next")).isTrue();
    }

    @Test
    void markingAGroupReadByItsUnreadIdsLeavesTheOtherGroupsUnread() {
        JsonObject arrivals = alice.get("activity/feed?grouped=true", "Accept", "application/json")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        StringBuilder ids = new StringBuilder();
        arrivals.getJsonArray("unreadIds")
                .getValuesAs(JsonNumber.class)
                .forEach(id -> ids.append(ids.length() == 0 ? "?" : "&")
                        .append("action=")
                        .append(id));

        Http.Answer marked = alice.post("activity/feed/read" + ids, "X-Requested-With", "test");

        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().getInt("marked")).isEqualTo(3);
        List<JsonObject> after = alice.get("activity/feed?grouped=true", "Accept", "application/json")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(after).extracting(group -> group.getInt("unread")).containsExactly(0, 1);
    }

    @Test
    void anActionOutsideTheCallersFeedIsRefusedAndNothingIsMarked() {
        long arrival = alice.get("activity/feed?grouped=true", "Accept", "application/json")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("unreadIds")
                .getJsonNumber(0)
                .longValue();
        long greeting =
                server.log().actions(railway.carol).asTarget().list(1).get(0).id();

        Http.Answer refused =
                alice.post("activity/feed/read?action=" + arrival + "&action=" + greeting, "X-Requested-With", "test");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.problemCode()).isEqualTo("ACTRACK-905");
        assertThat(server.log().unread(railway.alice).count()).isEqualTo(4);
    }

    @Test
    void inActivityStreamsAGroupIsACollectionOfItsActivities() {
        JsonObject page = alice.get("activity/feed?grouped=true&page=true", "Accept", "application/activity+json")
                .json();

        assertThat(page.getString("type")).isEqualTo("OrderedCollectionPage");
        JsonObject group = page.getJsonArray("orderedItems").getJsonObject(0);
        assertThat(group.getString("type")).isEqualTo("Collection");
        assertThat(group.getInt("totalItems")).isEqualTo(3);
        assertThat(group.getString("actrack:verb")).isEqualTo("arrived");
        assertThat(group.getInt("actrack:unread")).isEqualTo(3);
        assertThat(group.getBoolean("actrack:seen")).isFalse();
        assertThat(group.getJsonObject("actrack:groupedBy").getString("name")).isEqualTo("31");
        assertThat(group.getJsonArray("items").getJsonObject(0).getString("actrack:verb"))
                .isEqualTo("arrived");
    }

    @Test
    void inAtomEachGroupIsOneEntry() {
        Http.Answer atom = alice.get("activity/feed?grouped=true", "Accept", "application/atom+xml");

        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.body().split("<entry>", -1)).hasSize(3);
        assertThat(atom.body()).contains("(+2)").contains("#group-arrived");
    }

    @Test
    void groupingParametersAreCheckedNamingTheValue() {
        for (String query : List.of(
                "grouped=true&members=0",
                "grouped=true&members=11",
                "members=2",
                "grouped=maybe",
                "grouped=true&before=abc")) {
            Http.Answer answer = alice.get("activity/feed?" + query, "Accept", "application/json");
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.problemCode()).as(query).isEqualTo("ACTRACK-904");
        }
        StringBuilder many = new StringBuilder("activity/feed/read?action=1");
        for (int i = 0; i < FeedResource.MAX_MARKED; i++) {
            many.append("&action=1");
        }
        Http.Answer tooMany = alice.post(many.toString(), "X-Requested-With", "test");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("101");
    }
}
