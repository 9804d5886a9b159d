/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.actrack.it.rest.CallerIdentityStore;
import org.actrack.it.rest.RestFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Figures of actrack-rest, measured on demand and never checked (speed is not asserted in tests):
 * <pre>
 * mvn -B verify -pl actrack-it -Dit.test=RestMeasurement            # Payara Micro, H2
 * mvn -B verify -pl actrack-it -Dit.test=RestMeasurement -Phibernate,wildfly
 * </pre>
 * <ul>
 * <li>requests per second for the first page of a feed (20 of 200 actions) as plain JSON and as Activity Streams,
 * one client after another, against the same page built through the Java API inside the server, same run;</li>
 * <li>the time from logging an action to its arrival on 100 open live feeds (100 users following the train).</li>
 * </ul>
 * Writes {@code target/rest-measurement.md}. Not named {@code *IT}: CI never runs it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestMeasurement {

    private static final int ACTIONS = 200;
    private static final int REQUESTS = 2000;
    private static final int STREAMS = 100;
    private static final int LIVE_ACTIONS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.application("actrack-rest-measurement", "actrack.user-type=Member", "actrack.rest.poll-seconds=0")
                .addPackage(RestFixture.class.getPackage())
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    URL base;

    @Test
    void measure() throws Exception {
        RestClient client = new RestClient(base);
        client.fixture();
        for (int i = 0; i < ACTIONS; i++) {
            client.announce("announced-" + (i % 10));
        }
        List<String> report = new ArrayList<>();
        report.add("# actrack-rest measured " + Instant.now() + " on "
                + System.getProperty("arquillian.launch", "payara-micro") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        report.add("");
        report.add("| first feed page (20 of " + ACTIONS + " actions) | requests/s | ms per page |");
        report.add("|---|---:|---:|");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long javaNanos = 0;
        double json = 0;
        double activity = 0;
        double hello = 0;
        double count = 0;
        for (int round = 0; round < 2; round++) { // the first round warms up
            javaNanos = Long.parseLong(
                    client.send(HttpRequest.newBuilder(client.url("api/fixture/java-feed-pages/" + REQUESTS))
                                    .build())
                            .body());
            json = perSecond(http, client, "application/json");
            hello = perSecond(http, client.get("api/hello", null, "text/plain"));
            count = perSecond(http, client.get("activity/feed/unread-count", "alice", "application/json"));
            activity = perSecond(http, client, "application/activity+json");
        }
        double java = REQUESTS / (javaNanos / 1e9);
        report.add(String.format(
                "| Java API in the server (page, unread state, texts) | %.0f | %.2f |", java, 1000 / java));
        report.add(String.format("| GET feed, application/json | %.0f | %.2f |", json, 1000 / json));
        report.add(String.format("| GET feed, application/activity+json | %.0f | %.2f |", activity, 1000 / activity));
        report.add(String.format(
                "| for comparison: GET feed/unread-count (signed in) | %.0f | %.2f |", count, 1000 / count));
        report.add(String.format(
                "| for comparison: the application's GET api/hello (no sign-in, no actrack) | %.0f | %.2f |",
                hello, 1000 / hello));
        report.add("");
        report.addAll(liveLatency(http, client));
        Path file = Path.of("target", "rest-measurement.md");
        Files.write(file, report);
        report.forEach(System.out::println);
    }

    /** Sequential requests of one client: requests per second. */
    private static double perSecond(HttpClient http, RestClient client, String mediaType) throws Exception {
        return perSecond(http, client.get("activity/feed?size=20", "alice", mediaType));
    }

    private static double perSecond(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        return REQUESTS / ((System.nanoTime() - start) / 1e9);
    }

    /** 100 users' live feeds open; actions logged one after another; each arrival timed on each feed. */
    private List<String> liveLatency(HttpClient http, RestClient client) throws Exception {
        client.send(HttpRequest.newBuilder(client.url("api/fixture/readers/" + STREAMS))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        List<LiveEvents> feeds = new ArrayList<>();
        for (int i = 1; i <= STREAMS; i++) {
            String reader = "reader-" + i;
            String credentials = Base64.getEncoder()
                    .encodeToString((reader + ":" + CallerIdentityStore.readerPassword(reader))
                            .getBytes(StandardCharsets.UTF_8));
            LiveEvents live = LiveEvents.open(
                    http,
                    HttpRequest.newBuilder(client.url("activity/feed/events"))
                            .header("Authorization", "Basic " + credentials)
                            .header("Accept", "text/event-stream")
                            .build());
            if (live.status() != 200) {
                throw new IllegalStateException("live feed " + i + ": " + live.status() + " " + live.body());
            }
            live.nextComment(java.time.Duration.ofSeconds(30));
            feeds.add(live);
        }
        List<Double> fromRequest = new ArrayList<>();
        List<Double> fromResponse = new ArrayList<>();
        try {
            for (int a = 0; a < LIVE_ACTIONS; a++) {
                long sent = System.nanoTime();
                client.announce("live-" + a);
                long answered = System.nanoTime();
                ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
                for (LiveEvents live : feeds) {
                    live.next("action", java.time.Duration.ofSeconds(30));
                    arrivals.add(live.lastArrival());
                }
                for (long arrival : arrivals) {
                    fromRequest.add((arrival - sent) / 1e6);
                    fromResponse.add((arrival - answered) / 1e6);
                }
            }
        } finally {
            for (LiveEvents live : feeds) {
                live.close();
            }
        }
        return List.of(
                "| " + STREAMS + " open live feeds, " + LIVE_ACTIONS + " actions, " + fromRequest.size()
                        + " arrivals | median ms | p95 ms | max ms |",
                "|---|---:|---:|---:|",
                String.format(
                        "| from sending the request that logs the action | %.1f | %.1f | %.1f |",
                        percentile(fromRequest, 50), percentile(fromRequest, 95), percentile(fromRequest, 100)),
                String.format(
                        "| from its response (the transaction has committed) | %.1f | %.1f | %.1f |",
                        percentile(fromResponse, 50), percentile(fromResponse, 95), percentile(fromResponse, 100)));
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
