/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.data;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.actrack.Options.using;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.DeletedItem;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** The typed accessors of {@link Action}, and the options used as the quick start (README) imports them. */
class ActionAccessorsTest extends ActrackContractTest {

    @Test
    void typedAccessorsReturnTheObjectsOfTheTypeAskedFor() {
        User ann = user("ann");
        Project project = project("apollo");
        Task first = task("first", project);
        Task second = task("second", project);
        log.log(ann, "moved", targets(first, project, second), related(project, ann), data("to", "done"));

        Action action = log.actions(ann).asActor().list(1).get(0);

        assertThat(action.actor(User.class)).map(User::getId).contains(ann.getId());
        assertThat(action.actor(Project.class)).isEmpty();
        assertThat(action.targets(Task.class)).extracting(Task::getId).containsExactly(first.getId(), second.getId());
        assertThat(action.targets(Project.class)).extracting(Project::getId).containsExactly(project.getId());
        assertThat(action.targets(Object.class)).hasSize(3);
        assertThat(action.related(User.class)).extracting(User::getId).containsExactly(ann.getId());
        assertThat(action.related(DeletedItem.class)).isEmpty();
    }

    @Test
    void aRemovedTargetIsADeletedItemForTheTypedAccessors() {
        User ann = user("ann");
        Project project = project("apollo");
        Task task = task("first", project);
        log.log(ann, "closed", targets(task, project));
        log.history().entityRemoved(task);

        Action action = log.actions(ann).asActor().list(1).get(0);

        assertThat(action.targets(Task.class)).isEmpty();
        assertThat(action.targets(DeletedItem.class))
                .singleElement()
                .satisfies(item -> assertThat(item.description()).isEqualTo("Task " + task.getId()));
        assertThat(action.targets(Project.class)).extracting(Project::getId).containsExactly(project.getId());
    }

    @Test
    void oneStaticImportGivesLogAndTrackOptionsIncludingUsing() {
        ActionLog withNamedUnit = Actrack.builder()
                .entityManagerFactory(database.factory())
                .entityManagerFactory("archive", database.factory())
                .clock(clock)
                .build();
        User ann = user("ann");
        User bob = user("bob");
        Project project = project("apollo");

        withNamedUnit.track(ann, project, verbs("moved"), actorOnly(false), using("archive"));
        withNamedUnit.log(bob, "moved", targets(project), using("archive"));

        List<Action> feed = withNamedUnit.actions(ann).feed().list(10);
        assertThat(feed).extracting(Action::verb).containsExactly("moved");
    }
}
