/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.Action;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** Spec §12 scenario 20 (ModelTrackingTests) and §0.5: whole-type trackers behave the same everywhere. */
class WholeTypeTrackingTest extends ActrackContractTest {

    @Test
    void userTrackingAModelSeesActionsOnAnyInstanceInTheFeed() {
        User user = user("user");
        Project project = project("project");
        log.track(user, Project.class, verbs("created"), actorOnly(false));

        log.log(user, "created", targets(project));

        assertThat(everything(log.actions(user).feed()))
                .isEqualTo(everything(log.actions(user).all()))
                .hasSize(1);
    }

    @Test
    void wholeTypeTrackerHonoursVerbsAndRolesInFeeds() {
        User reader = user("reader");
        User writer = user("writer");
        Project project = project("p");
        Task task = task("t", project);
        log.track(reader, Project.class, verbs("created"), actorOnly(false));
        log.track(reader, Task.class);

        log.log(writer, "created", targets(project));
        log.log(writer, "deleted", targets(project));
        log.log(writer, "created", related(project));
        log.log(writer, "created", targets(task));

        assertThat(everything(log.actions(reader).feed()))
                .extracting(Action::verb, a -> a.targets().size())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("created", 0),
                        org.assertj.core.groups.Tuple.tuple("created", 1));
    }

    @Test
    void trackedByAWholeTypeTrackerMatchesWhatTheFeedShows() {
        User user = user("user");
        Project project = project("project");
        Tracker tracker = log.track(user, Project.class, actorOnly(false)).get(0);

        log.log(user, "created", targets(project));
        log.log(user, "unrelated");

        assertThat(everything(log.trackedBy(tracker)))
                .isEqualTo(everything(log.actions(user).feed()))
                .hasSize(1);
    }

    @Test
    void actorOnlyWholeTypeTrackerMatchesActionsByAnyInstance() {
        User watcher = user("watcher");
        User someone = user("someone");
        Project project = project("project");
        log.track(watcher, User.class);

        log.log(someone, "created", targets(project));
        log.log(null, "imported", targets(someone));

        assertThat(everything(log.actions(watcher).feed()))
                .extracting(Action::verb)
                .containsExactly("created");
    }
}
