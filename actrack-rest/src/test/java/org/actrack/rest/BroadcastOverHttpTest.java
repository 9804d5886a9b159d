/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.actrack.cdi.fixtures.Handlers;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.LiveEvents;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over HTTP, an action of a verb unread by position (a handler bean whose {@code unreadByPosition()} is true, here
 * "announced") reads like any other: unread in the feed, counted in the badge and in the live feed's count, read one
 * by one or all at once.
 */
class BroadcastOverHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(
            Map.of(RestSettings.HEARTBEAT_SECONDS.key(), "1", RestSettings.POLL_SECONDS.key(), "1"),
            Handlers.AnnouncementHandler.class);

    @Test
    void aBroadcastActionIsUnreadInTheFeedTheBadgeAndTheLiveFeedUntilRead() throws Exception {
        Railway railway = new Railway(server);
        Http alice = server.as("alice");
        long before = alice.get("activity/feed/unread-count").json().getInt("unread");

        try (LiveEvents live = alice.live()) {
            assertThat(live.status()).as(live.head()).isEqualTo(200);
            assertThat(live.next(PATIENCE)).as("the greeting").isNotNull();
            railway.announce("announced");

            LiveEvents.Event action = live.nextNamed(PATIENCE);
            assertThat(json(action).getString("verb")).isEqualTo("announced");
            LiveEvents.Event unread = live.nextNamed(PATIENCE);
            assertThat(unread.name()).isEqualTo("unread");
            assertThat(json(unread).getInt("unread")).isEqualTo(before + 1);
        }

        JsonObject newest = alice.get("activity/feed?size=1", "Accept", "application/json")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(newest.getString("verb")).isEqualTo("announced");
        assertThat(newest.getBoolean("unread")).isTrue();
        long id = newest.getJsonNumber("id").longValue();

        assertThat(alice.post("activity/feed/" + id + "/read", "X-Requested-With", "test")
                        .json()
                        .getBoolean("changed"))
                .isTrue();
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(before);

        railway.announce("announced");
        assertThat(alice.post("activity/feed/read", "X-Requested-With", "test")
                        .json()
                        .getInt("marked"))
                .isEqualTo(before + 1);
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isZero();
        assertThat(server.as("bob").get("activity/feed/unread-count").json().getInt("unread"))
                .as("bob follows nothing")
                .isZero();
    }

    private static JsonObject json(LiveEvents.Event event) {
        return Json.createReader(new StringReader(event.data())).readObject();
    }
}
