/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.since;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.actrack.Action;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** Spec §12 scenario 28 (TempTrackTests): temporary trackers select actions like stored ones, unsaved. */
class TemporaryTrackerTest extends ActrackContractTest {

    @Test
    void temporaryTrackerSelectsTheActionsOfItsObject() {
        User user = user("user");
        Project project = project("project");
        Tracker temporary = log.temporaryTracker(user, project);

        log.log(project, "started");

        assertThat(everything(log.trackedBy(temporary)))
                .isEqualTo(everything(log.actions(project).all()))
                .hasSize(1);
        assertThat(temporary.isTemporary()).isTrue();
        assertThat(temporary.id()).isEmpty();
        assertThat(storedRows()).as("only the action").isEqualTo(2);
    }

    @Test
    void temporaryTrackerHonoursItsOptions() {
        User user = user("user");
        Project project = project("project");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Tracker temporary = log.temporaryTracker(user, project, verbs("modified"), actorOnly(false), since(start));

        log.log(user, "created", targets(project));
        log.log(user, "modified", targets(project));

        assertThat(temporary.since()).isEqualTo(start);
        assertThat(temporary.actorOnly()).isFalse();
        assertThat(everything(log.trackedBy(temporary)))
                .extracting(Action::verb)
                .containsExactly("modified");
    }

    @Test
    void storedAndTemporaryTrackersOfTheSameKindSelectTheSameActions() {
        User user = user("user");
        Project project = project("project");
        Tracker stored = log.track(user, project, actorOnly(false)).get(0);
        Tracker temporary = log.temporaryTracker(user, project, actorOnly(false));

        log.log(user, "created", targets(project));
        log.log(project, "grew");

        assertThat(everything(log.trackedBy(temporary)))
                .isEqualTo(everything(log.trackedBy(stored)))
                .hasSize(2);
    }
}
