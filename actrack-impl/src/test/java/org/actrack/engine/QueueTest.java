/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.at;
import static org.actrack.Options.data;
import static org.actrack.Options.level;
import static org.actrack.Options.noGrouping;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionStored;
import org.actrack.ActrackSettings;
import org.actrack.Level;
import org.actrack.ObjectRef;
import org.actrack.Options;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.EntityManagerSource;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §12 scenarios 3, 4, 8, 9 and P1–P5 on the engine's queues, with the §0 decisions 2 (logging order)
 * and 3 (grouping merges data, also with stored actions and without an actor).
 */
class QueueTest extends ActrackContractTest {

    private ActionQueue queue;

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return Actrack.builder()
                .entityManagerFactory(factory)
                .settings(settings)
                .clock(testClock)
                .handlers(Handlers.lookup())
                .queues(() -> queue)
                .build();
    }

    private ActrackEngine engine() {
        return (ActrackEngine) log;
    }

    @BeforeEach
    void requestQueue() {
        queue = ActionQueue.forRequest();
    }

    @Test
    void queuedActionsAreWrittenOnlyWhenTheQueueIsFlushed() {
        User user = user("user");
        Project project = project("project");
        log.log(user, "tests", related(project));
        assertThat(rows("actrack_action")).isZero();

        engine().flush(queue);

        Action action = everything(log.actions(user).all()).get(0);
        assertThat(action.verb()).isEqualTo("tests");
        assertThat(action.related()).extracting(Object::toString).containsExactly("project");
    }

    @Test
    void aRequestsActionsAreUnreadForTheirFollowersOnceFlushed() {
        User follower = user("follower");
        User worker = user("worker");
        Project followed = project("followed");
        Project other = project("other");
        log.track(follower, followed, Options.actorOnly(false));
        log.log(worker, "opened", targets(followed));
        log.log(worker, "opened", targets(other));
        log.log(worker, "closed", targets(followed));
        assertThat(log.unread(follower).count()).isZero();

        engine().flush(queue);

        assertThat(log.unread(follower).count()).isEqualTo(2);
        assertThat(everything(log.actions(follower).feed().unreadFor(follower)))
                .extracting(Action::verb)
                .containsExactly("closed", "opened");
    }

    @Test
    void handlerOfAVerbIsItsOwnOrTheDefault() {
        User user = user("user");
        log.log(user, "my_action");
        engine().flush(queue);

        Action action = everything(log.actions(user).all()).get(0);
        assertThat(log.unwrap(Integration.class).handler(action.verb())).isInstanceOf(Handlers.MyActionHandler.class);
        assertThat(log.unwrap(Integration.class).handler("unknown")).isSameAs(Handlers.DEFAULT);
    }

    @Test
    void includedActionsCombineIntoTheAllInclusiveOne() {
        User user = user("user");
        log.log(user, "my_included_action");
        log.log(user, "my_all_inclusive_action");
        log.log(user, "my_included_action");
        engine().flush(queue);

        assertThat(everything(log.actions(user).all()))
                .extracting(Action::verb)
                .containsExactly("my_all_inclusive_action");
    }

    @Test
    void combinationRequiresTheSameActorAndASubsetOfTargets() {
        User user = user("user");
        User other = user("other");
        Project project = project("project");
        log.log(user, "my_all_inclusive_action");
        log.log(other, "my_included_action");
        log.log(user, "my_included_action", targets(project));
        engine().flush(queue);

        assertThat(rows("actrack_action")).isEqualTo(3);
    }

    @Test
    void idsFollowLoggingOrder() {
        User user = user("user");
        for (int i = 0; i < 5; i++) {
            log.log(user, "step" + i, noGrouping());
        }
        engine().flush(queue);

        List<Action> newestFirst = everything(log.actions(user).all());
        assertThat(newestFirst).extracting(Action::verb).containsExactly("step4", "step3", "step2", "step1", "step0");
        assertThat(newestFirst).extracting(Action::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(queue.stored())
                .extracting(ActionStored::id)
                .containsExactlyElementsOf(
                        newestFirst.stream().map(Action::id).sorted().toList());
    }

    @Test
    void sameActionTwiceInOneQueueGroupsWhateverTheTimestamps() {
        User user = user("user");
        Project project = project("project");
        log.log(user, "edited", targets(project), at(START), data("scalar", "first"), data("list", List.of("a")));
        log.log(
                user,
                "edited",
                targets(project),
                at(START.plus(Duration.ofDays(3))),
                data("scalar", "second"),
                data("list", List.of("b")),
                data("extra", true),
                level(Level.ERROR));
        engine().flush(queue);

        assertThat(everything(log.actions(user).all())).singleElement().satisfies(action -> {
            assertThat(action.timestamp()).isEqualTo(START);
            assertThat(action.level()).isEqualTo(50);
            assertThat(action.data()).isEqualTo(Map.of("scalar", "first", "list", List.of("a", "b"), "extra", true));
        });
    }

    @Test
    void sameActionInTwoFlushesIsStoredTwice() {
        User user = user("user");
        Project project = project("project");
        log.log(user, "edited", targets(project));
        engine().flush(queue);
        queue = ActionQueue.forRequest();
        log.log(user, "edited", targets(project));
        engine().flush(queue);

        assertThat(rows("actrack_action")).isEqualTo(2);
    }

    @Test
    void groupingFollowsLoggingOrder() {
        // P5 with §0.2: A(P; T), B(P2; T), C(P2; P). Actions are placed in logging order, so B groups into A
        // (same related objects) and C, sharing neither set with A+B, stays: rows A'(P, P2; T) and C(P2; P).
        // django-actrack saves newest first and gets A and B'(P2; T, P) instead.
        User user = user("user");
        Project p = project("P");
        Project p2 = project("P2");
        Task t = task("T", p);
        log.log(user, "did", targets(p), related(t));
        log.log(user, "did", targets(p2), related(t));
        log.log(user, "did", targets(p2), related(p));
        engine().flush(queue);

        List<Action> actions = everything(log.actions(user).all());
        assertThat(actions).hasSize(2);
        assertThat(actions.get(1).targets()).extracting(Object::toString).containsExactly("P", "P2");
        assertThat(actions.get(1).related()).extracting(Object::toString).containsExactly("T");
        assertThat(actions.get(0).targetRefs())
                .containsExactly(ObjectRef.of("Project", p2.getId().toString()));
    }

    @Test
    void actionsWithNothingInCommonButActorAndVerbGroupByDefault() {
        User user = user("user");
        log.log(user, "logged in");
        log.log(user, "logged in");
        engine().flush(queue);

        assertThat(rows("actrack_action")).isEqualTo(1);
    }

    private static EntityManagerSource sharing(EntityManager em) {
        return new EntityManagerSource() {
            @Override
            public <T> T withEntityManager(String unit, Function<EntityManager, T> work) {
                return work.apply(em);
            }
        };
    }
}
