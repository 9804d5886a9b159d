/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caller's feed over HTTP: pages in three representations, links, entity tags, unread state and read marks. */
class FeedResourceTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of());

    private Railway railway;
    private Http alice;

    @BeforeEach
    void fixture() {
        railway = new Railway(server);
        alice = server.as("alice");
    }

    @Test
    void theFeedAsPlainJsonShowsWhatTheCallerFollows() {
        Http.Answer feed = alice.get("activity/feed", "Accept", "application/json");

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        List<JsonObject> items = feed.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(item -> item.getString("verb")).containsExactly("arrived", "departed");
        JsonObject arrival = items.get(0);
        assertThat(arrival.getJsonObject("actor").getString("name")).isEqualTo("driver <b>&</b>");
        assertThat(arrival.getJsonArray("targets").getJsonObject(0).getString("name"))
                .isEqualTo("31");
        assertThat(arrival.getJsonArray("related").getJsonObject(0).getString("name"))
                .isEqualTo("Paris");
        assertThat(arrival.getBoolean("unread")).isTrue();
        assertThat(feed.header("Cache-Control")).contains("private, no-cache");
        assertThat(feed.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(feed.header("Vary")).get().asString().contains("Accept").contains("Cookie");
    }

    @Test
    void anActionLoggedWithAForeignIdShowsItInPlainJsonAndActivityStreams() {
        server.log().log(
                railway.driver,
                "refuelled",
                org.actrack.Options.targets(railway.train),
                org.actrack.Options.foreignId("fuel-7"));

        JsonObject newest = alice.get("activity/feed", "Accept", "application/json")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        JsonObject activity = alice.get("activity/feed?page=true", "Accept", "application/activity+json")
                .json()
                .getJsonArray("orderedItems")
                .getJsonObject(0);

        assertThat(newest.getString("foreignId")).isEqualTo("fuel-7");
        assertThat(activity.getString("actrack:foreignId")).isEqualTo("fuel-7");
        assertThat(alice.get("activity/feed", "Accept", "application/json")
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(1))
                .as("an action logged without one has none")
                .doesNotContainKey("foreignId");
    }

    @Test
    void anActivityStreamsClientGetsTheCollectionThenItsPagesWhoseActivitiesAreDereferenceable() {
        for (String type : List.of(
                "application/activity+json",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"")) {
            JsonObject collection = alice.get("activity/feed?verb=arrived&verb=departed", "Accept", type)
                    .json();
            assertThat(collection.getString("type")).as(type).isEqualTo("OrderedCollection");
            assertThat(collection.getString("id"))
                    .isEqualTo(alice.uri("activity/feed?verb=arrived&verb=departed")
                            .toString());

            JsonObject page = alice.send(
                            "GET", URI.create(collection.getString("first")).toString(), null, "Accept", type)
                    .json();

            assertThat(page.getString("type")).isEqualTo("OrderedCollectionPage");
            assertThat(page.getString("partOf")).isEqualTo(collection.getString("id"));
            JsonObject activity = page.getJsonArray("orderedItems").getJsonObject(0);
            assertThat(activity.getString("actrack:verb")).isEqualTo("arrived");
            Http.Answer dereferenced =
                    alice.send("GET", activity.getString("id"), null, "Accept", "application/activity+json");
            assertThat(dereferenced.status()).isEqualTo(200);
            assertThat(dereferenced.json().getString("id")).isEqualTo(activity.getString("id"));
        }
    }

    @Test
    void aPageOfAnActivityStreamsCollectionIsPartOfItAndLinksTheNextPage() {
        JsonObject page = alice.get("activity/feed?size=1&page=true", "Accept", "application/activity+json")
                .json();

        assertThat(page.getString("partOf"))
                .isEqualTo(alice.uri("activity/feed").toString());
        JsonObject next = alice.send("GET", page.getString("next"), null, "Accept", "application/activity+json")
                .json();
        assertThat(next.getString("type")).isEqualTo("OrderedCollectionPage");
        assertThat(next.getJsonArray("orderedItems").getJsonObject(0).getString("actrack:verb"))
                .isEqualTo("departed");
    }

    @Test
    void theNextLinkLeadsToTheOlderActionsAndThePrevLinkBack() {
        JsonObject first =
                alice.get("activity/feed?size=1", "Accept", "application/json").json();
        JsonObject second = alice.send("GET", first.getString("next"), null, "Accept", "application/json")
                .json();
        JsonObject back = alice.send("GET", second.getString("prev"), null, "Accept", "application/json")
                .json();

        assertThat(second.getJsonArray("items").getJsonObject(0).getString("verb"))
                .isEqualTo("departed");
        assertThat(second.isNull("next")).isTrue();
        assertThat(back.getJsonArray("items").getJsonObject(0).getString("verb"))
                .isEqualTo("arrived");
    }

    @Test
    void anUnchangedPageAnswers304ToItsEntityTag() {
        Http.Answer first = alice.get("activity/feed?size=1", "Accept", "application/json");
        String tag = first.header("ETag").orElseThrow();

        Http.Answer again = alice.get("activity/feed?size=1", "Accept", "application/json", "If-None-Match", tag);
        Http.Answer other = alice.get(
                "activity/feed?size=1&page=true", "Accept", "application/activity+json", "If-None-Match", tag);

        assertThat(first.header("Link")).contains("<" + first.json().getString("next") + ">; rel=\"next\"");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(other.status()).as("another representation, another tag").isEqualTo(200);
    }

    @Test
    void sinceFollowedLeavesOutWhatAnObjectDidBeforeTheCallerFollowedIt() {
        server.log().log(railway.driver, "closed", org.actrack.Options.targets(railway.lyon));
        server.log().track(railway.alice, railway.lyon, org.actrack.Options.actorOnly(false));
        server.log().log(railway.driver, "reopened", org.actrack.Options.targets(railway.lyon));

        JsonObject sinceFollowed = alice.get("activity/feed?since=followed&size=2", "Accept", "application/json")
                .json();
        JsonObject older = alice.send("GET", sinceFollowed.getString("next"), null, "Accept", "application/json")
                .json();
        JsonObject whole =
                alice.get("activity/feed", "Accept", "application/json").json();

        assertThat(sinceFollowed.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(item -> item.getString("verb"))
                .containsExactly("reopened", "arrived");
        assertThat(sinceFollowed.getString("next"))
                .as("the next page keeps the option")
                .contains("since=followed");
        assertThat(older.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(item -> item.getString("verb"))
                .containsExactly("departed");
        assertThat(whole.getJsonArray("items").getValuesAs(JsonObject.class))
                .as("without it, the whole history of what the caller follows")
                .extracting(item -> item.getString("verb"))
                .containsExactly("reopened", "closed", "arrived", "departed");
    }

    @Test
    void theFeedAsAtomIsEscapedXml() {
        Http.Answer atom = alice.get("activity/feed", "Accept", "application/atom+xml");

        assertThat(atom.status()).isEqualTo(200);
        assertThat(atom.body())
                .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .contains("driver &lt;b&gt;&amp;&lt;/b&gt;")
                .contains("<id>" + alice.uri("activity/actions/"))
                .doesNotContain("urn:actrack");
    }

    @Test
    void markingOneActionReadLowersTheUnreadCount() {
        long before = alice.get("activity/feed/unread-count").json().getInt("unread");
        long id = alice.get("activity/feed?unread=true&size=1")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        Http.Answer marked = alice.post("activity/feed/" + id + "/read", "X-Requested-With", "test");

        assertThat(marked.json().getBoolean("changed")).isTrue();
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(before - 1);
        assertThat(alice.post("activity/feed/" + id + "/read", "X-Requested-With", "test")
                        .json()
                        .getBoolean("changed"))
                .isFalse();
    }

    @Test
    void markingAllReadEmptiesTheUnreadCount() {
        Http.Answer marked = alice.post("activity/feed/read", "X-Requested-With", "test");

        assertThat(marked.json().getInt("marked")).isEqualTo(2);
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isZero();
        assertThat(alice.get("activity/feed?unread=true").json().getJsonArray("items"))
                .isEmpty();
    }

    @Test
    void markingTheFeedSeenEmptiesTheBadgeAndLeavesTheActionsUnread() {
        JsonObject before = alice.get("activity/feed/unread-count").json();

        Http.Answer seen = alice.post("activity/feed/seen", "X-Requested-With", "test");
        JsonObject after = alice.get("activity/feed/unread-count").json();
        railway.announce("delayed");
        JsonObject later = alice.get("activity/feed/unread-count").json();

        assertThat(before.getInt("unread")).isEqualTo(2);
        assertThat(before.getInt("unseen")).as("nothing seen yet").isEqualTo(2);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().getInt("unseen")).isZero();
        assertThat(after.getInt("unread")).isEqualTo(2);
        assertThat(after.getInt("unseen")).isZero();
        assertThat(later.getInt("unread")).isEqualTo(3);
        assertThat(later.getInt("unseen")).isEqualTo(1);
        assertThat(server.as("carol").get("activity/feed/unread-count").json().getInt("unseen"))
                .as("carol's position is her own")
                .isEqualTo(4);
    }

    @Test
    void markingTheFeedSeenFromAnotherSiteIsRefused() {
        Http.Answer answer = alice.post("activity/feed/seen", "Origin", "https://evil.example");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unseen"))
                .isEqualTo(2);
    }

    @Test
    void bobSeesNothingOfAlicesFeedAndMarksNothingOfItRead() {
        long id = alice.get("activity/feed")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        Http bob = server.as("bob");

        Http.Answer bobMarks = bob.post("activity/feed/" + id + "/read", "X-Requested-With", "test");
        Http.Answer missing = bob.post("activity/feed/999999999/read", "X-Requested-With", "test");

        assertThat(bob.get("activity/feed").json().getJsonArray("items")).isEmpty();
        assertThat(bobMarks.status()).isEqualTo(404);
        assertThat(bobMarks.problemCode()).isEqualTo("ACTRACK-905");
        assertThat(bobMarks.json().getString("detail"))
                .as("the same answer as for an id no action has")
                .isEqualTo(missing.json().getString("detail").replace("999999999", Long.toString(id)));
        assertThat(bob.post("activity/feed/read", "X-Requested-With", "test")
                        .json()
                        .getInt("marked"))
                .isZero();
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(2);
    }

    @Test
    void badParametersAre400ProblemsWithActracksCode() {
        List<String> queries = List.of(
                "size=0",
                "size=-1",
                "size=101",
                "size=100000",
                "size=abc",
                "size=1e3",
                "cursor=garbage",
                "cursor=%00%27%3B--",
                "unread=maybe",
                "level=LOUD",
                "level=99999",
                "verb=",
                "verb=" + "x".repeat(300),
                "page=maybe",
                "since=yesterday",
                "cursor=a&before=b");
        for (String query : queries) {
            Http.Answer answer = alice.get("activity/feed?" + query, "Accept", "application/json");

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.problemCode()).as(query).startsWith("ACTRACK-");
        }
    }

    @Test
    void aCallerWithoutCredentialsGets401WithAChallenge() {
        Http.Answer answer = server.anonymous().get("activity/feed");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.problemCode()).isEqualTo("ACTRACK-902");
        assertThat(answer.header("WWW-Authenticate")).contains("Session realm=\"actrack\"");
    }

    @Test
    void aCallerWithoutAUserGets403() {
        Http.Answer answer = server.as("nobody").get("activity/feed");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problemCode()).isEqualTo("ACTRACK-903");
    }

    @Test
    void anActionThatDoesNotExistAndOneTheCallerMayNotSeeAnswerTheSame() {
        server.log().log(server.persist(new org.actrack.cdi.fixtures.Member("stranger")), "whispered");
        long hidden =
                server.log().unwrap(Integration.class).fanout().storedSince(java.time.Instant.EPOCH, null, 100).stream()
                        .mapToLong(org.actrack.ActionKey::id)
                        .max()
                        .orElseThrow();
        Http bob = server.as("bob");

        Http.Answer invisible = bob.get("activity/actions/" + hidden);
        Http.Answer missing = bob.get("activity/actions/" + (hidden + 1000));

        assertThat(invisible.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(invisible.problemCode()).isEqualTo(missing.problemCode()).isEqualTo("ACTRACK-905");
    }
}
