/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every answer under {@code /activity} is private to its caller and typed, and every error actrack or the JAX-RS
 * runtime gives there is a problem document with actrack's code.
 */
class HttpHygieneTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(
            Map.of(RestSettings.OPEN_STREAMS.key(), "true", RestSettings.CHALLENGE.key(), "Bearer"));

    private Http alice;

    @BeforeEach
    void fixture() {
        new Railway(server);
        alice = server.as("alice");
    }

    @Test
    void perUserAnswersAreNeverStoredByCachesAndNeverSniffed() {
        for (String path : List.of("activity/feed/unread-count", "activity/trackers", "activity/feed/999/read")) {
            Http.Answer answer = alice.get(path);

            assertThat(answer.header("Cache-Control")).as(path).contains("private, no-store");
            assertThat(answer.header("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void the401ChallengeIsTheConfiguredOne() {
        assertThat(server.anonymous().get("activity/trackers").header("WWW-Authenticate"))
                .contains("Bearer");
    }

    @Test
    void noResourceAtAPathIsA404Problem() {
        for (String path : List.of(
                "activity/nothing",
                "activity/trackers/Station/",
                "activity/trackers/Train;x=y",
                "activity/feed;jsessionid=1/unread-count")) {
            Http.Answer answer = alice.raw(
                    (path.contains("trackers") ? "PUT" : path.contains("read") ? "POST" : "GET") + " /" + path
                            + " HTTP/1.1",
                    "X-Requested-With: x",
                    "Content-Length: 0");

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.problemCode()).as(path).isEqualTo("ACTRACK-912");
        }
        assertThat(org.actrack.cdi.testing.JtaDatabase.get().rows("actrack_tracker"))
                .as("nothing followed")
                .isEqualTo(3);
    }

    /**
     * An empty segment never reaches another resource: Jetty refuses it itself (400, its own page: the container answers
     * before the WAR can), where a container lets it through actrack's guard answers a 404 problem.
     */
    @Test
    void anEmptySegmentNeverReachesTheShorterPath() {
        Http.Answer answer =
                alice.raw("POST /activity/feed//read HTTP/1.1", "X-Requested-With: x", "Content-Length: 0");

        if (answer.status() == 404) {
            assertThat(answer.problemCode()).isEqualTo("ACTRACK-912");
        } else {
            assertThat(answer.status()).isEqualTo(400);
        }
        assertThat(alice.get("activity/feed/unread-count").json().getInt("unread"))
                .as("nothing marked read")
                .isEqualTo(2);
    }

    @Test
    void aMethodTheResourceDoesNotAnswerIsA405ProblemWithAllow() {
        Http.Answer answer = alice.send("PUT", "activity/actions/2", null, "X-Requested-With", "x");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.problemCode()).isEqualTo("ACTRACK-913");
        assertThat(answer.header("Allow")).get().asString().contains("GET");
    }

    @Test
    void anUnacceptableRepresentationIsA406ProblemAndAZeroWeightMeansNot() {
        for (String[] request : new String[][] {
            {"activity/feed", "text/html"},
            {"activity/feed", "application/json;q=0"},
            {"activity/feed/unread-count", "application/xml"},
            {"activity/trackers", "text/plain"},
            {"activity/feed/unread-count", "application/json;q=0"}
        }) {
            Http.Answer answer = alice.get(request[0], "Accept", request[1]);

            assertThat(answer.status()).as(request[0] + " " + request[1]).isEqualTo(406);
            assertThat(answer.problemCode()).as(request[0] + " " + request[1]).isEqualTo("ACTRACK-910");
        }
        assertThat(alice.get("activity/feed", "Accept", "application/json;q=0, application/activity+json;q=0.5")
                        .json()
                        .getString("type"))
                .isEqualTo("OrderedCollection");
    }

    @Test
    void aBodyOfAnUnreadTypeIsA415ProblemOrIgnored() {
        Http.Answer answer = alice.send(
                "POST", "activity/feed/read", "<x/>", "Content-Type", "application/xml", "X-Requested-With", "x");

        assertThat(answer.status()).as(answer.body()).isIn(200, 415);
        if (answer.status() == 415) {
            assertThat(answer.problemCode()).isEqualTo("ACTRACK-914");
        }
    }

    @Test
    void malformedHeadersAre400ProblemsBeforeTheRuntimeReadsThem() {
        List<String[]> headers = List.of(
                new String[] {"Accept", "garbage"},
                new String[] {"Accept", "application/json;q=abc"},
                new String[] {"Accept", "application/json;q=2"},
                new String[] {"Accept", ",,,"},
                new String[] {"Accept", "text/html, ;;"},
                new String[] {"Content-Type", ";;"},
                new String[] {"Content-Type", "text"},
                new String[] {"Accept-Language", "en;q=x"},
                new String[] {"Accept-Language", "x-".repeat(2000) + "a"},
                new String[] {"Accept-Language", String.join(",", java.util.Collections.nCopies(60, "en"))});
        for (String[] header : headers) {
            Http.Answer answer = alice.raw("GET /activity/feed HTTP/1.1", header[0] + ": " + header[1]);

            assertThat(answer.status()).as(header[0] + ": " + header[1]).isEqualTo(400);
            assertThat(answer.problemCode()).as(header[0] + ": " + header[1]).isEqualTo("ACTRACK-915");
            assertThat(answer.json().getString("detail")).contains(header[0] + " header");
        }
    }

    @Test
    void optionsDescribesNoWadl() {
        Http.Answer answer = alice.send("OPTIONS", "activity/feed", null);

        assertThat(answer.status()).isIn(200, 204);
        assertThat(answer.body()).doesNotContain("wadl");
        assertThat(answer.contentType()).doesNotContain("wadl");
        assertThat(alice.get("activity/application.wadl").status()).isEqualTo(404);
    }
}
