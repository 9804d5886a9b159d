/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET me/export}: each caller downloads what actrack holds about them, and only that. */
class PersonalDataOverHttpTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of());

    private Railway railway;

    @BeforeEach
    void fixture() {
        railway = new Railway(server);
    }

    @Test
    void eachCallerDownloadsTheirOwnData() {
        Http.Answer alices = server.as("alice").get("activity/me/export", "Accept", "application/json");
        Http.Answer carols = server.as("carol").get("activity/me/export", "Accept", "application/json");

        assertThat(alices.status()).as(alices.body()).isEqualTo(200);
        assertThat(alices.header("Content-Disposition")).get().asString().startsWith("attachment");
        JsonObject alice = alices.json();
        assertThat(alice.getJsonObject("person").getString("id"))
                .isEqualTo(railway.alice.getId().toString());
        assertThat(alice.getJsonArray("trackers")).isNotEmpty();
        assertThat(alice.getJsonArray("actions")).isEmpty();
        assertThat(alice.getJsonArray("unread")).hasSize(2);
        JsonObject carol = carols.json();
        assertThat(carol.getJsonObject("person").getString("id"))
                .isEqualTo(railway.carol.getId().toString());
        assertThat(carol.getJsonArray("actions").getValuesAs(JsonObject.class))
                .singleElement()
                .satisfies(greeted -> assertThat(greeted.getString("verb")).isEqualTo("greeted"));
        assertThat(carol.getJsonArray("trackers")).hasSize(2);
    }

    @Test
    void aPageOfAnotherSiteCannotReadTheDownload() {
        Http.Answer crossSite = server.as("alice")
                .get(
                        "activity/me/export",
                        "Accept",
                        "application/json",
                        "Origin",
                        "https://elsewhere.example",
                        "Sec-Fetch-Site",
                        "cross-site");

        assertThat(crossSite.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(crossSite.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(crossSite.header("Cache-Control")).get().asString().contains("no-store");
    }

    @Test
    void withoutSigningInThereIsNothingToDownload() {
        Http.Answer anonymous = server.anonymous().get("activity/me/export", "Accept", "application/json");

        assertThat(anonymous.status()).isEqualTo(401);
    }
}
