/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.data;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.LogRequest;
import org.actrack.Options;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** The bulk API: many actions in one call, validated as one, written with the same statements as {@code log}. */
class LogAllTest extends ActrackContractTest {

    @Test
    void logAllStoresEveryActionInLoggingOrderWithItsUnreadMarks() {
        User actor = user("actor");
        User follower = user("follower");
        Project project = project("project");
        log.track(follower, project, actorOnly(false));
        List<LogRequest> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(LogRequest.of(actor, "imported", targets(project), data("n", i), Options.noGrouping()));
        }

        log.logAll(requests);

        List<Action> stored = log.actions(project).all().list(100);
        assertThat(stored).hasSize(30);
        assertThat(stored)
                .extracting(action -> ((Number) action.data().get("n")).intValue())
                .as("newest first, ids in logging order")
                .isEqualTo(descending(30));
        assertThat(log.unread(follower).count()).isEqualTo(30);
    }

    @Test
    void logAllGroupsLikeLogWithinTheCall() {
        User actor = user("actor");
        Project project = project("project");

        log.logAll(List.of(
                LogRequest.of(actor, "viewed", targets(project), data("ids", List.of(1))),
                LogRequest.of(actor, "viewed", targets(project), data("ids", List.of(2)))));

        List<Action> stored = log.actions(project).all().list(10);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).data().get("ids"))
                .isEqualTo(List.of(new java.math.BigDecimal(1), new java.math.BigDecimal(2)));
    }

    @Test
    void trackReturnsEveryNewTrackerWithItsStoredId() {
        User user = user("user");
        List<Tracker> trackers = log.track(user, List.of(project("a"), project("b"), Project.class));

        assertThat(trackers).hasSize(3).allSatisfy(tracker -> {
            assertThat(tracker.id()).isPresent();
            assertThat(tracker.isTemporary()).isFalse();
        });
    }

    private static List<Integer> descending(int count) {
        List<Integer> values = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            values.add(i);
        }
        return values;
    }
}
