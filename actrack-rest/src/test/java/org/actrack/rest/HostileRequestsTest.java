/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.actrack.rest.testing.Http;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thousand random and hostile requests: no server error, and every error that reaches actrack's application is a
 * problem document with actrack's code. An answer without actrack's {@code X-Content-Type-Options} never reached the
 * WAR: the container refused the request itself (those are counted, and named in docs/http.md).
 */
class HostileRequestsTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of(RestSettings.OPEN_STREAMS.key(), "true"));

    private static final List<String> VALUES = List.of(
            "",
            "0",
            "-1",
            "1001",
            "99999999999999999999",
            "1e3",
            "abc",
            "true",
            "maybe",
            "null",
            "garbage",
            "' OR '1'='1",
            "1; DROP TABLE actrack_action",
            "<script>alert(1)</script>",
            "&amp;&lt;",
            "%00",
            "\u0000",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "ü€\u202e",
            "../../etc/passwd",
            "x".repeat(5000),
            Base64.getUrlEncoder().encodeToString("forged cursor".getBytes(StandardCharsets.UTF_8)),
            "AAAA.BBBB",
            "INFO",
            "LOUD");
    private static final List<String> PATHS = List.of(
            "activity/feed",
            "activity/feed/unread-count",
            "activity/feed/read",
            "activity/feed/%s/read",
            "activity/feed/%s",
            "activity/%s",
            "activity/objects/%s/%s",
            "activity/feed/%s/%s/read",
            "activity/objects/Train/%s/actions",
            "activity/objects/%s/actions",
            "activity/actions/%s",
            "activity/trackers/%s/%s",
            "activity/trackers/Train/%s",
            "activity/trackers",
            "activity/feed/events");
    private static final List<String> PARAMETERS = List.of(
            "size",
            "cursor",
            "before",
            "unread",
            "verb",
            "level",
            "id",
            "role",
            "actorOnly",
            "page",
            "lastEventId",
            "%s");
    private static final List<String> ACCEPTS = List.of(
            "application/json",
            "application/activity+json",
            "application/ld+json",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
            "text/html",
            "*/*",
            "application/xml",
            "garbage",
            "application/json;q=abc",
            "",
            "text/event-stream",
            "application/atom+xml",
            ",,,",
            "application/json;q=0");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    private static final List<String[]> ODD_HEADERS = List.of(
            new String[] {"Content-Type", ";;"},
            new String[] {"Accept-Language", "x-".repeat(300) + "a"},
            new String[] {"Content-Type", "text/plain"},
            new String[] {"Origin", "http://evil.example"},
            new String[] {"Sec-Fetch-Site", "cross-site"},
            new String[] {"Last-Event-ID", "garbage"},
            new String[] {"If-None-Match", "\"x\""},
            new String[] {"X-Requested-With", "x"});

    @Test
    void aThousandRandomAndHostileRequestsGetNoServerErrorAndOnlyProblemDocuments() {
        new Railway(server);
        Random random = new Random(20261206);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> refusedByTheContainer = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()))
                    .replaceFirst("%s", encoded(segment(random)))
                    .replaceFirst("%s", encoded(segment(random)));
            StringBuilder query = new StringBuilder();
            for (int p = random.nextInt(4); p > 0; p--) {
                String name = PARAMETERS
                        .get(random.nextInt(PARAMETERS.size()))
                        .replace("%s", VALUES.get(random.nextInt(VALUES.size())));
                query.append(query.length() == 0 ? "?" : "&")
                        .append(encoded(name))
                        .append('=')
                        .append(encoded(VALUES.get(random.nextInt(VALUES.size()))));
            }
            String method = METHODS.get(random.nextInt(METHODS.size()));
            List<String> headers = new ArrayList<>();
            String accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
            if (!accept.isEmpty()) {
                headers.add("Accept: " + accept);
            }
            for (int h = random.nextInt(3); h > 0; h--) {
                String[] odd = ODD_HEADERS.get(random.nextInt(ODD_HEADERS.size()));
                headers.add(odd[0] + ": " + odd[1]);
            }
            switch (random.nextInt(3)) {
                case 0 ->
                    headers.add("Authorization: Basic "
                            + Base64.getEncoder().encodeToString("carol:secret".getBytes(StandardCharsets.UTF_8)));
                case 1 ->
                    headers.add("Authorization: Basic "
                            + Base64.getEncoder().encodeToString("carol:wrong".getBytes(StandardCharsets.UTF_8)));
                default -> {}
            }
            headers.add("Content-Length: 0");
            String request = method + " /" + path + query;
            Http.Answer answer = server.anonymous().raw(request + " HTTP/1.1", headers.toArray(String[]::new));
            if (answer.status() >= 500) {
                failures.add(request + " " + headers + ": " + answer.status() + " " + answer.body());
            } else if (answer.status() >= 400) {
                boolean reachedActrack = answer.header("X-Content-Type-Options").isPresent();
                if (!reachedActrack) {
                    refusedByTheContainer.merge(answer.status(), 1, Integer::sum);
                } else if (!answer.contentType().startsWith("application/problem+json")
                        || (!method.equals("HEAD") && !answer.body().contains("\"code\":\"ACTRACK-"))) {
                    // A HEAD answer has the headers of the problem, and no body.
                    failures.add(request + " " + headers + ": " + answer.status() + " not a problem with a code: "
                            + answer.contentType() + " " + answer.body());
                }
            }
        }
        assertThat(failures).isEmpty();
        System.getLogger(HostileRequestsTest.class.getName())
                .log(System.Logger.Level.INFO, "Refused by the container before the WAR: {0}", refusedByTheContainer);
    }

    /** A hostile path segment that fits in a request line. */
    private static String segment(Random random) {
        String value;
        do {
            value = VALUES.get(random.nextInt(VALUES.size()));
        } while (value.contains("/") || value.length() > 1000);
        return value;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
