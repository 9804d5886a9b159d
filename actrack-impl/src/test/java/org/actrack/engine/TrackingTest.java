/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.log;
import static org.actrack.Options.since;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ObjectRef;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §12 scenarios 24–27 (track.py), P13, and the §0.7 and §0.9 decisions about track and untrack. */
class TrackingTest extends ActrackContractTest {

    private User user;
    private Project project;

    @BeforeEach
    void fixture() {
        user = user("user");
        project = project("project");
    }

    @Test
    void trackCreatesOneTrackerOfAllVerbs() {
        log.track(user, project);

        List<Tracker> trackers = log.trackers(user).owned().list();
        assertThat(trackers).hasSize(1);
        Tracker tracker = trackers.get(0);
        assertThat(tracker.ownerRef())
                .isEqualTo(ObjectRef.of("User", user.getId().toString()));
        assertThat(tracker.owner()).map(Object::toString).contains("user");
        assertThat(tracker.tracked()).map(Object::toString).contains("project");
        assertThat(tracker.verbs()).isEmpty();
        assertThat(tracker.actorOnly()).isTrue();
        assertThat(tracker.since()).isEqualTo(START);
        assertThat(tracker.isTemporary()).isFalse();
    }

    @Test
    void trackWithVerbsKeepsThem() {
        log.track(user, project, verbs("modified"));

        assertThat(log.trackers(user).owned().list())
                .singleElement()
                .extracting(Tracker::verbs)
                .isEqualTo(java.util.Set.of("modified"));
    }

    @Test
    void trackWithLogLogsStartedTrackingWithTheNewObjectsAsTargets() {
        log.track(user, project, log(true));

        List<Action> actions = everything(log.actions(user).asActor());
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.verb()).isEqualTo(ActionLog.STARTED_TRACKING);
            assertThat(action.targets()).extracting(Object::toString).containsExactly("project");
        });
    }

    @Test
    void trackingAnEntityClassCreatesAWholeTypeTracker() {
        List<Tracker> trackers = log.track(user, Project.class, verbs("created"));

        assertThat(trackers).singleElement().satisfies(t -> {
            assertThat(t.trackedRef()).isEqualTo(ObjectRef.wholeType("Project"));
            assertThat(t.tracked()).contains(Project.class);
        });
        assertThat(log.trackers(user).owned().list())
                .singleElement()
                .satisfies(t -> assertThat(t.tracked()).contains(Project.class));
    }

    @Test
    void retrackingUpdatesTheOneTrackerResettingVerbsAndKeepingActorOnly() {
        log.track(user, project, verbs("a", "b"), actorOnly(false));
        log.track(user, project);

        List<Tracker> trackers = log.trackers(user).owned().list();
        assertThat(trackers).singleElement().satisfies(t -> {
            assertThat(t.verbs()).isEmpty();
            assertThat(t.actorOnly()).isFalse();
        });
        assertThat(rows("actrack_tracker")).isEqualTo(1);
    }

    @Test
    void trackingAListLogsStartedTrackingOnlyForNewObjects() {
        Project other = project("other");
        log.track(user, project);
        log.track(user, List.of(project, other), log(true));

        assertThat(everything(log.actions(user).asActor()))
                .singleElement()
                .satisfies(action -> assertThat(action.targets())
                        .extracting(Object::toString)
                        .containsExactly("other"));
        assertThat(log.trackers(user).owned().count()).isEqualTo(2);
    }

    @Test
    void trackReturnsTheTrackersInTheOrderGiven() {
        Project other = project("other");
        List<Tracker> trackers = log.track(user, new Object[] {other, project, Task.class}, since(Instant.EPOCH));

        assertThat(trackers).extracting(t -> t.trackedRef().type()).containsExactly("Project", "Project", "Task");
        assertThat(trackers).allSatisfy(t -> assertThat(t.since()).isEqualTo(Instant.EPOCH));
    }

    @Test
    void untrackWithoutVerbsDeletesTheTrackerAndCanLogIt() {
        log.track(user, project);

        assertThat(log.untrack(user, project, log(true))).isEqualTo(1);

        assertThat(log.trackers(user).owned().count()).isZero();
        assertThat(rows("actrack_tracker_verb")).isZero();
        assertThat(everything(log.actions(user).asActor()))
                .singleElement()
                .satisfies(action -> assertThat(action.verb()).isEqualTo(ActionLog.STOPPED_TRACKING));
    }

    @Test
    void untrackingSomeVerbsRemovesJustThoseVerbs() {
        log.track(user, project, verbs("created", "modified", "deleted"));

        assertThat(log.untrack(user, project, verbs("modified"))).isEqualTo(1);

        assertThat(log.trackers(user).owned().list())
                .singleElement()
                .extracting(Tracker::verbs)
                .isEqualTo(java.util.Set.of("created", "deleted"));
    }

    @Test
    void untrackingTheLastVerbsDeletesTheTracker() {
        log.track(user, project, verbs("created", "modified"));

        log.untrack(user, project, verbs("created", "modified", "other"));

        assertThat(log.trackers(user).owned().count()).isZero();
    }

    @Test
    void untrackingSomeVerbsOfAnAllVerbsTrackerDeletesIt() {
        log.track(user, project);

        log.untrack(user, project, verbs("created"));

        assertThat(log.trackers(user).owned().count()).isZero();
    }

    @Test
    void untrackingAWholeTypeWorks() {
        log.track(user, List.of(Project.class, project));

        assertThat(log.untrack(user, Project.class)).isEqualTo(1);

        assertThat(log.trackers(user).tracked()).extracting(Object::toString).containsExactly("project");
    }

    @Test
    void untrackingWhatIsNotTrackedChangesNothing() {
        assertThat(log.untrack(user, project, log(true))).isZero();
        assertThat(storedRows()).isZero();
    }

    @Test
    void trackedReturnsEverythingTrackedAndFiltersByTypeAndVerb() {
        Task task = task("task", project);
        log.track(user, project);
        log.track(user, task, verbs("done"));
        log.track(user, Task.class, verbs("created"));

        assertThat(log.trackers(user).tracked()).hasSize(3).contains(Task.class);
        assertThat(log.trackers(user).tracked(Project.class))
                .extracting(Object::toString)
                .containsExactly("project");
        assertThat(log.trackers(user).tracked(Task.class)).hasSize(2).contains(Task.class);
        assertThat(log.trackers(user).owned().verbs("done").trackedObjects())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("project", "task");
        assertThat(log.trackers(user).owned().verbs("nothing").trackedObjects())
                .extracting(Object::toString)
                .containsExactly("project");
    }

    @Test
    void listingTrackersCostsOneQueryPlusOnePerEntityType() {
        for (int i = 0; i < 20; i++) {
            log.track(user, project("p" + i), verbs("a", "b"));
        }
        database.statements().reset();

        List<Tracker> trackers = log.trackers(user).owned().list();

        assertThat(trackers).hasSize(20).allSatisfy(t -> assertThat(t.verbs()).containsExactlyInAnyOrder("a", "b"));
        // the trackers with their verbs, the owner (User), the tracked projects
        assertThat(database.statements().selects()).hasSize(3);
    }

    @Test
    void anyEntityMayOwnTrackersUnlessAUserTypeIsConfigured() {
        log.track(project, user);

        assertThat(log.trackers(project).owned().count()).isEqualTo(1);
        assertThat(log.trackers(user).users()).extracting(Object::toString).containsExactly("project");
    }

    @Test
    void theDatabaseRefusesASecondTrackerForTheSameUserObjectAndFlag() {
        log.track(user, project);
        Tracker tracker = log.trackers(user).owned().list().get(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inTransaction(em -> {
                    em.persist(new org.actrack.engine.model.TrackerEntity(
                            "User",
                            user.getId().toString(),
                            "User#" + user.getId(),
                            "Project",
                            project.getId().toString(),
                            tracker.trackedRef().key(),
                            java.util.Set.of(),
                            true,
                            START,
                            ""));
                    em.flush();
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(rows("actrack_tracker")).isEqualTo(1);
    }
}
