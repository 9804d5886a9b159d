/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §12 scenarios 10–19 (managers.py): u0 tracks u1 (actor only), u2 tracks the project in any role,
 * u1 created the project and task1 in relation to the project. Users are restricted to {@code User}.
 */
class ManagerTest extends ActrackContractTest {

    private User u0;
    private User u1;
    private User u2;
    private Project project;
    private Task task1;
    private Task task2;
    private Task task3;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().userType("User").build();
    }

    @BeforeEach
    void fixture() {
        u0 = user("u0");
        u1 = user("u1");
        u2 = user("u2");
        project = project("project");
        task1 = task("task1", project);
        task2 = task("task2", project);
        task3 = task("task3", project);
        log.track(u0, u1);
        log.track(u2, project, actorOnly(false));
        log.log(u1, "created", targets(project));
        log.log(u1, "created", targets(task1), related(project));
    }

    @Test
    void allCountsActionsInAnyRole() {
        assertThat(log.actions(u0).all().count()).isZero();
        assertThat(log.actions(u1).all().count()).isEqualTo(2);
        assertThat(log.actions(u2).all().count()).isZero();
        assertThat(log.actions(project).all().count()).isEqualTo(2);
        assertThat(log.actions(task1).all().count()).isEqualTo(1);
        assertThat(log.actions(task2).all().count()).isZero();
        assertThat(log.actions(task3).all().count()).isZero();
    }

    @Test
    void asActorCountsActionsTheObjectDid() {
        assertThat(log.actions(u0).asActor().count()).isZero();
        assertThat(log.actions(u1).asActor().count()).isEqualTo(2);
        assertThat(log.actions(project).asActor().count()).isZero();
    }

    @Test
    void asTargetCountsActionsDoneToTheObject() {
        assertThat(log.actions(u0).asTarget().count()).isZero();
        assertThat(log.actions(project).asTarget().count()).isEqualTo(1);
        assertThat(log.actions(task1).asTarget().count()).isEqualTo(1);
        assertThat(log.actions(task2).asTarget().count()).isZero();
    }

    @Test
    void asRelatedCountsActionsRelatedToTheObject() {
        assertThat(log.actions(u1).asRelated().count()).isZero();
        assertThat(log.actions(project).asRelated().count()).isEqualTo(1);
        assertThat(log.actions(task1).asRelated().count()).isZero();
    }

    @Test
    void feedShowsActionsOfTrackedObjectsOnly() {
        assertThatThrownBy(() -> log.actions(project).feed())
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-111")
                .hasMessageContaining("only User entities");
        assertThat(everything(log.actions(u0).feed())).hasSize(2);
        assertThat(log.actions(u0).feed().count()).isEqualTo(2);
        assertThat(log.actions(u1).feed().count()).isZero();
        assertThat(log.actions(u1).feed(true).count()).isEqualTo(2);
        assertThat(log.actions(u2).feed().count()).isEqualTo(2);
    }

    @Test
    void allTrackersCountsTrackersOnAndOwnedByTheObject() {
        assertThat(log.trackers(u0).all().count()).isEqualTo(1);
        assertThat(log.trackers(u1).all().count()).isEqualTo(1);
        assertThat(log.trackers(u2).all().count()).isEqualTo(1);
        assertThat(log.trackers(project).all().count()).isEqualTo(1);
        assertThat(log.trackers(task1).all().count()).isZero();
        assertThat(log.trackers(task2).all().count()).isZero();
        assertThat(log.trackers(task3).all().count()).isZero();
    }

    @Test
    void trackingCountsTrackersOnTheObject() {
        assertThat(log.trackers(u0).tracking().count()).isZero();
        assertThat(log.trackers(u1).tracking().count()).isEqualTo(1);
        assertThat(log.trackers(project).tracking().count()).isEqualTo(1);
        assertThat(log.trackers(task1).tracking().count()).isZero();
    }

    @Test
    void usersAreTheOwnersOfTrackersOnTheObject() {
        assertThat(log.trackers(u1).users()).extracting(Object::toString).containsExactly("u0");
        assertThat(log.trackers(project).users()).extracting(Object::toString).containsExactly("u2");
        assertThat(log.trackers(task2).users()).isEmpty();
    }

    @Test
    void ownedCountsTrackersOfUsersOnly() {
        assertThatThrownBy(() -> log.trackers(project).owned()).hasMessageContaining("ACTRACK-111");
        assertThat(log.trackers(u0).owned().count()).isEqualTo(1);
        assertThat(log.trackers(u1).owned().count()).isZero();
        assertThat(log.trackers(u2).owned().count()).isEqualTo(1);
    }

    @Test
    void trackedReturnsWhatTheUserTracks() {
        assertThat(log.trackers(u0).tracked()).extracting(Object::toString).containsExactly("u1");
        assertThat(log.trackers(u2).tracked()).extracting(Object::toString).containsExactly("project");
        assertThat(log.trackers(u1).tracked()).isEmpty();
    }
}
