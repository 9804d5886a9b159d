/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.cdi.testing.JtaDatabase;
import org.actrack.engine.Actrack;
import org.actrack.engine.testing.TestDatabase;
import org.actrack.rest.testing.LiveEvents;
import org.actrack.rest.testing.Railway;
import org.actrack.rest.testing.RestServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On PostgreSQL another node's commits reach this node's live feeds through {@code LISTEN/NOTIFY}, with no periodic
 * read at all ({@code actrack.rest.poll-seconds=0}): the notification is the only way they can come.
 */
class CrossNodeNotificationTest {

    @RegisterExtension
    static final RestServerExtension server = RestServerExtension.with(Map.of(RestSettings.POLL_SECONDS.key(), "0"));

    @Test
    void anotherNodesCommitArrivesThroughItsNotificationAlone() throws Exception {
        assumeTrue(
                "postgresql".equals(TestDatabase.Target.fromSystemProperties().kind()),
                "LISTEN/NOTIFY is PostgreSQL's");
        Railway railway = new Railway(server);
        ActionLog otherNode = Actrack.builder()
                .entityManagerFactory(JtaDatabase.get().factory())
                .settings(ActrackSettings.builder().userType("Member").build())
                .build();
        try (LiveEvents live = server.as("alice").live()) {
            assertThat(live.next(Duration.ofSeconds(10))).as("greeted").isNotNull();
            // The listening connection opens with the first feed, on a thread of its own: a commit before it listens is
            // not heard (and with no periodic read, never arrives). Another commit is made until one is heard.
            LiveEvents.Event event = null;
            for (int attempt = 0; attempt < 10 && event == null; attempt++) {
                server.inTransaction(() -> otherNode.log(railway.driver, "elsewhere", targets(railway.train)));
                event = live.nextNamed(Duration.ofSeconds(2));
            }
            assertThat(event).as("arrived through the notification").isNotNull();
            assertThat(event.data()).contains("\"verb\":\"elsewhere\"");
        }
    }
}
