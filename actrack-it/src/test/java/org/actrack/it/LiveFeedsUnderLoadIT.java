/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.actrack.it.rest.RestFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live feeds under load in a real server: 250 feeds (50 users, five each) opened while sixteen clients read feed pages
 * (whose trains, with their stations, each page loads), then every feed receives every new action, in order. On
 * Payara, concurrent reads of such entities once left EclipseLink's shared cache locked and froze every live feed of
 * the node; no request thread or feed may wait on another feed's lock.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveFeedsUnderLoadIT {

    private static final int USERS = 50;
    private static final int FEEDS_PER_USER = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.application("actrack-live-load-it", "actrack.user-type=Member", "actrack.rest.open-streams=true")
                .addPackage(RestFixture.class.getPackage())
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    URL base;

    @Test
    void twoHundredFiftyFeedsOpenWhilePagesAreReadAndEachReceivesEveryNewAction() throws Exception {
        RestClient client = new RestClient(base);
        client.fixture();
        HttpResponse<String> readers = client.send(HttpRequest.newBuilder(client.url("api/fixture/readers/" + USERS))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(readers.statusCode()).as(readers.body()).isEqualTo(204);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        ExecutorService pageReaders = Executors.newFixedThreadPool(16);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger pages = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<LiveEvents> feeds = new ArrayList<>();
        try {
            for (int r = 0; r < 16; r++) {
                String caller = "reader-" + (r + 1);
                pageReaders.execute(() -> {
                    while (reading.get()) {
                        try {
                            HttpResponse<String> page =
                                    client.send(client.get("activity/feed?size=20", caller, "application/json"));
                            if (page.statusCode() != 200) {
                                failures.add("page: " + page.statusCode() + " " + page.body());
                            }
                            pages.incrementAndGet();
                        } catch (Exception e) {
                            failures.add("page: " + e);
                        }
                    }
                });
            }
            ExecutorService openers = Executors.newFixedThreadPool(32);
            List<CompletableFuture<LiveEvents>> opening = new ArrayList<>();
            for (int i = 0; i < USERS * FEEDS_PER_USER; i++) {
                String caller = "reader-" + (i % USERS + 1);
                opening.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return LiveEvents.open(
                                        http,
                                        client.request("activity/feed/events", caller)
                                                .header("Accept", "text/event-stream")
                                                .build());
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        openers));
            }
            for (CompletableFuture<LiveEvents> open : opening) {
                feeds.add(open.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            openers.shutdown();
            assertThat(feeds).extracting(LiveEvents::status).containsOnly(200);
            for (LiveEvents feed : feeds) {
                feed.nextComment(PATIENCE);
            }

            for (int i = 1; i <= 3; i++) {
                client.announce("under-load-" + i);
            }

            for (LiveEvents feed : feeds) {
                List<String> verbs = new ArrayList<>();
                while (verbs.size() < 3) {
                    verbs.add(RestClient.json(feed.next("action", PATIENCE).data())
                            .asJsonObject()
                            .getString("verb"));
                }
                assertThat(verbs).containsExactly("under-load-1", "under-load-2", "under-load-3");
            }
        } finally {
            reading.set(false);
            pageReaders.shutdown();
            assertThat(pageReaders.awaitTermination(2, TimeUnit.MINUTES))
                    .as("no page reader is stuck")
                    .isTrue();
            for (LiveEvents feed : feeds) {
                feed.close();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(pages.get()).as("pages were read meanwhile").isPositive();
    }
}
