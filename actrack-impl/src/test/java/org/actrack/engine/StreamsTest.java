/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.Action;
import org.actrack.Streams;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The streams of django-activity-stream over the same queries. */
class StreamsTest extends ActrackContractTest {

    private User alice;
    private User bob;
    private Project project;
    private Task task;
    private Streams streams;

    @BeforeEach
    void fixture() {
        alice = user("alice");
        bob = user("bob");
        project = project("project");
        task = task("task", project);
        streams = log.streams();
        log.log(alice, "created", targets(project));
        log.log(bob, "commented", targets(task), related(project));
        log.log(alice, "closed", targets(task));
        log.log(bob, "mentioned", targets(alice));
    }

    @Test
    void actorStreamIsWhatTheObjectDid() {
        assertThat(everything(streams.actor(alice))).extracting(Action::verb).containsExactly("closed", "created");
    }

    @Test
    void targetStreamIsWhatWasDoneToTheObject() {
        assertThat(everything(streams.target(task))).extracting(Action::verb).containsExactly("closed", "commented");
    }

    @Test
    void actionObjectStreamIsWhatRelatesToTheObject() {
        assertThat(everything(streams.actionObject(project)))
                .extracting(Action::verb)
                .containsExactly("commented");
    }

    @Test
    void modelStreamIsEverythingAnyInstanceTookPartIn() {
        assertThat(everything(streams.model(Task.class)))
                .extracting(Action::verb)
                .containsExactly("closed", "commented");
        assertThat(everything(streams.model(User.class))).hasSize(4);
    }

    @Test
    void anyStreamIsEverythingTheObjectTookPartIn() {
        assertThat(everything(streams.any(alice)))
                .extracting(Action::verb)
                .containsExactly("mentioned", "closed", "created");
    }

    @Test
    void userStreamIsWhatTheUserFollowsWithOrWithoutTheirOwnActivity() {
        log.track(alice, bob);

        assertThat(everything(streams.user(alice))).extracting(Action::verb).containsExactly("mentioned", "commented");
        assertThat(everything(streams.user(alice, true)))
                .extracting(Action::verb)
                .containsExactly("mentioned", "closed", "commented", "created");
    }
}
