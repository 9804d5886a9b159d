/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.log;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code trackAll}: many users follow the same objects in one call, checked as one, their rows locked together. */
class TrackAllTest extends ActrackContractTest {

    private List<User> team;
    private User writer;
    private Project project;

    @BeforeEach
    void aTeamAndAProject() {
        team = List.of(user("ann"), user("ben"), user("cid"));
        writer = user("writer");
        project = project("project");
    }

    @Test
    void everyUserFollowsTheObjectsAndTheirFeedsShowItsActions() {
        Project other = project("other");

        List<Tracker> trackers = log.trackAll(team, List.of(project, other), actorOnly(false));
        log.log(writer, "edited", targets(project));

        assertThat(trackers)
                .extracting(tracker ->
                        tracker.ownerRef().id() + "→" + tracker.trackedRef().id())
                .containsExactly(
                        team.get(0).getId() + "→" + project.getId(),
                        team.get(0).getId() + "→" + other.getId(),
                        team.get(1).getId() + "→" + project.getId(),
                        team.get(1).getId() + "→" + other.getId(),
                        team.get(2).getId() + "→" + project.getId(),
                        team.get(2).getId() + "→" + other.getId());
        assertThat(trackers)
                .allSatisfy(tracker -> assertThat(tracker.actorOnly()).isFalse());
        for (User member : team) {
            assertThat(log.actions(member).feed().list(10))
                    .extracting(Action::verb)
                    .containsExactly("edited");
            assertThat(log.unread(member).count()).isEqualTo(1);
        }
    }

    @Test
    void anExistingTrackerChangesAsTrackWouldChangeItAndAUserGivenTwiceCountsOnce() {
        log.track(team.get(0), project, verbs("edited"), actorOnly(false));

        List<Tracker> trackers = log.trackAll(List.of(team.get(0), team.get(1), team.get(0)), project, verbs("closed"));

        assertThat(trackers).hasSize(2);
        assertThat(trackers.get(0).verbs()).containsExactly("closed");
        assertThat(trackers.get(0).actorOnly()).as("kept, not given").isFalse();
        assertThat(trackers.get(1).actorOnly())
                .as("new trackers are actor-only by default")
                .isTrue();
        assertThat(rows("actrack_tracker")).isEqualTo(2);
    }

    @Test
    void logTrueLogsStartedTrackingForEachUserWhoNewlyFollows() {
        log.track(team.get(0), project);

        log.trackAll(team, project, log(true));

        assertThat(log.streams().any(project).list(10))
                .extracting(action -> action.verb() + " by " + action.actor().orElseThrow())
                .containsExactlyInAnyOrder(
                        ActionLog.STARTED_TRACKING + " by " + team.get(1),
                        ActionLog.STARTED_TRACKING + " by " + team.get(2));
    }

    @Test
    void oneInvalidUserOrObjectRefusesTheWholeCallAndWritesNothing() {
        List<Object> withNull = new ArrayList<>(team);
        withNull.add(null);
        ActionLog usersOnly = createLog(
                database.factory(), ActrackSettings.builder().userType("User").build(), clock);

        assertRefused(() -> log.trackAll(withNull, project), ErrorCode.NULL_USER);
        assertRefused(() -> log.trackAll(List.of(team.get(0), "not an entity"), project), ErrorCode.NOT_AN_ENTITY);
        assertRefused(() -> usersOnly.trackAll(List.of(team.get(0), project), project), ErrorCode.NOT_USER_TYPE);
        assertRefused(() -> log.trackAll(team, new Project("never stored")), ErrorCode.NO_ID);
        assertRefused(() -> log.trackAll(null, project), ErrorCode.NULL_USER);
        assertThat(rows("actrack_tracker") + rows("actrack_tracker_owner")).isZero();
    }

    @Test
    void moreUsersThanTheLimitAreRefusedNamingTheLimit() {
        List<User> crowd = Collections.nCopies(1_001, team.get(0));

        assertThatThrownBy(() -> log.trackAll(crowd, project))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_USERS))
                .hasMessageContaining("1001 users")
                .hasMessageContaining("at most 1000");
        assertThat(rows("actrack_tracker")).isZero();
    }

    @Test
    void noUsersFollowNothing() {
        assertThat(log.trackAll(List.of(), project)).isEmpty();
        assertThat(rows("actrack_tracker")).isZero();
    }

    @Test
    void callsOnOverlappingUsersInAnyOrderRunAtOnceWithoutConflict() throws Exception {
        List<User> users = new ArrayList<>(team);
        for (int i = 0; i < 17; i++) {
            users.add(user("user " + i));
        }
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            projects.add(project("project " + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Tracker>>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<User> shuffled = new ArrayList<>(users);
                Collections.shuffle(shuffled, new Random(t));
                Project followed = projects.get(t);
                calls.add(threads.submit(() -> {
                    try (Transaction transaction =
                            new Transaction(database.factory(), ActrackSettings.defaults(), clock, Handlers.lookup())) {
                        List<Tracker> trackers = transaction.log().trackAll(shuffled, Arrays.asList(project, followed));
                        transaction.commit();
                        return trackers;
                    }
                }));
            }
            for (Future<List<Tracker>> call : calls) {
                assertThat(call.get(2, TimeUnit.MINUTES)).hasSize(2 * users.size());
            }
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(rows("actrack_tracker")).as("one tracker per pair").isEqualTo(users.size() * 9L);
    }

    private void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
