/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.actrack.it.rest.RestFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes of one application on one PostgreSQL database (two Payara Micro instances; two deployments of one
 * WildFly with {@code -Pwildfly}): an action logged on one node reaches a live feed open on the other (which
 * reads its feeds every second here), and a client that reconnects to the first node with the last event's id
 * resumes there without loss. Both nodes share the cursor secret, as a cluster must.
 */
@EnabledIfSystemProperty(named = "actrack.test.db", matches = "postgresql")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> NODES = List.of("actrack-node-first", "actrack-node-second");

    @Deployment(name = "first", order = 1, testable = false)
    static WebArchive first() {
        return node(NODES.get(0));
    }

    @Deployment(name = "second", order = 2, testable = false)
    static WebArchive second() {
        return node(NODES.get(1));
    }

    private static WebArchive node(String name) {
        return Wars.base(
                        name,
                        "actrack.user-type=Member",
                        "actrack.rest.poll-seconds=1",
                        "actrack.cursor-secret=the secret every node of the cluster shares")
                .addPackage(RestFixture.class.getPackage())
                .addAsResource("it-postgres-persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(Wars.postgresDataSource(), "web.xml")
                .addAsLibraries(Wars.jar("actrack.test-lib", "postgresql"))
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    @OperateOnDeployment("first")
    URL first;

    @ArquillianResource
    @OperateOnDeployment("second")
    URL second;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anActionLoggedOnOneNodeReachesALiveFeedOfTheOtherAndAClientResumesOnTheFirst() throws Exception {
        RestClient onFirst = new RestClient(first);
        RestClient onSecond = new RestClient(second);
        onFirst.fixture();
        List<String> received = new ArrayList<>();
        String lastId;
        try (LiveEvents live = open(onSecond, null)) {
            onFirst.announce("crossed-1");
            LiveEvents.Event event = live.next("action", PATIENCE);
            received.add(verb(event));
            lastId = event.id();
        }
        onFirst.announce("crossed-2");
        onFirst.announce("crossed-3");
        try (LiveEvents resumed = open(onFirst, lastId)) {
            received.add(verb(resumed.next("action", PATIENCE)));
            received.add(verb(resumed.next("action", PATIENCE)));
            assertThat(resumed.during(Duration.ofMillis(2500)))
                    .as("nothing sent twice")
                    .noneMatch(e -> e.name().equals("action"));
        }
        assertThat(received).containsExactly("crossed-1", "crossed-2", "crossed-3");
    }

    private LiveEvents open(RestClient node, String lastEventId) throws Exception {
        HttpRequest.Builder request =
                node.request("activity/feed/events", "alice").header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        LiveEvents live = LiveEvents.open(http, request.build());
        assertThat(live.status()).isEqualTo(200);
        live.nextComment(PATIENCE);
        return live;
    }

    private static String verb(LiveEvents.Event event) {
        return RestClient.json(event.data()).asJsonObject().getString("verb");
    }
}
