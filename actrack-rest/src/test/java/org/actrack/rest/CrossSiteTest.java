/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.actrack.cdi.testing.JtaDatabase;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A page of another site cannot change a caller's state with the caller's cookie: state changes need a non-simple
 * request, from the application's own origin (or one it allows), and a refused one changes nothing.
 */
class CrossSiteTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(
            Map.of(RestSettings.OPEN_STREAMS.key(), "true", RestSettings.ALLOWED_ORIGINS.key(), "https://app.example"));

    private Http alice;
    private String ownOrigin;

    @BeforeEach
    void fixture() {
        new Railway(server);
        alice = server.as("alice");
        ownOrigin = "http://" + server.server().base().getHost() + ":"
                + server.server().base().getPort();
    }

    @Test
    void aCrossSiteFormPostMarksNothingRead() {
        Http.Answer answer = alice.send(
                "POST",
                "activity/feed/read",
                "x=1",
                "Content-Type",
                "application/x-www-form-urlencoded",
                "Origin",
                "http://evil.example",
                "Sec-Fetch-Site",
                "cross-site");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.problemCode()).isEqualTo("ACTRACK-911");
        assertThat(answer.json().getString("detail")).contains("http://evil.example");
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(2);
    }

    @Test
    void aSimpleRequestWithoutTheHeaderIsRefusedEvenWithoutOrigin() {
        long id = alice.get("activity/feed")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        Http.Answer textPlain =
                alice.send("POST", "activity/feed/" + id + "/read", "hello", "Content-Type", "text/plain");
        Http.Answer bare = alice.post("activity/feed/read");

        assertThat(textPlain.status()).isEqualTo(403);
        assertThat(textPlain.json().getString("detail")).contains("X-Requested-With");
        assertThat(bare.status()).isEqualTo(403);
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .isEqualTo(2);
    }

    @Test
    void theApplicationsOwnPagesChangeStateWithTheHeaderOrAJsonBody() {
        Http.Answer withHeader = alice.post(
                "activity/feed/read",
                "X-Requested-With",
                "XMLHttpRequest",
                "Origin",
                ownOrigin,
                "Sec-Fetch-Site",
                "same-origin");
        Http.Answer withJson = alice.send(
                "PUT",
                "activity/trackers/Station/" + stationId(),
                "{}",
                "Content-Type",
                "application/json",
                "Origin",
                ownOrigin);

        assertThat(withHeader.status()).as(withHeader.body()).isEqualTo(200);
        assertThat(withJson.status()).as(withJson.body()).isEqualTo(200);
    }

    @Test
    void anAllowedOriginMayChangeStateAndOthersMayNot() {
        Http.Answer allowed = alice.post(
                "activity/feed/read",
                "X-Requested-With",
                "x",
                "Origin",
                "https://app.example",
                "Sec-Fetch-Site",
                "cross-site");
        Http.Answer sameSite = alice.put(
                "activity/trackers/Station/" + stationId(),
                "X-Requested-With",
                "x",
                "Sec-Fetch-Site",
                "same-site",
                "Origin",
                "https://other.app.example");
        Http.Answer opaque =
                alice.delete("activity/trackers/Train/" + trainId(), "X-Requested-With", "x", "Origin", "null");

        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(sameSite.status()).isEqualTo(403);
        assertThat(opaque.status()).isEqualTo(403);
        assertThat(JtaDatabase.get().rows("actrack_tracker"))
                .as("nothing followed or unfollowed")
                .isEqualTo(3);
    }

    @Test
    void readingIsNeverRefused() {
        Http.Answer answer =
                alice.get("activity/feed", "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin"))
                .as("nor shared with other sites")
                .isEmpty();
    }

    private String stationId() {
        return alice.get("activity/feed")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("related")
                .getJsonObject(0)
                .getString("id");
    }

    private String trainId() {
        return alice.get("activity/feed")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("targets")
                .getJsonObject(0)
                .getString("id");
    }
}
