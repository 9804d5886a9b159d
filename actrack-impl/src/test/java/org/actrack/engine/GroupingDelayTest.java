/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.at;
import static org.actrack.Options.data;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionStored;
import org.actrack.ActrackSettings;
import org.actrack.Level;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.write.ActionQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §12 scenarios 8, 9 and P3, P4 with a grouping delay of 60 s, and §0.3 for stored and actor-less actions. */
class GroupingDelayTest extends ActrackContractTest {

    private final ActionQueue requestQueue = ActionQueue.forRequest();

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().groupingDelaySeconds(60).build();
    }

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return Actrack.builder()
                .entityManagerFactory(factory)
                .settings(settings)
                .clock(testClock)
                .queues(() -> requestQueue)
                .build();
    }

    private User user0;
    private Project project;
    private List<Task> tasks;

    @BeforeEach
    void fixture() {
        user0 = user("user0");
        project = project("project");
        tasks = List.of(task("task1", project), task("task2", project), task("task3", project));
    }

    @Test
    void actionsSharingRelatedObjectsGroupIntoOne() {
        log.log(user0, "created", targets(project));
        tasks.forEach(task -> log.log(user0, "created", targets(task), related(project)));
        ((ActrackEngine) log).flush(requestQueue);

        assertThat(rows("actrack_action")).isEqualTo(2);
        Action grouped = everything(log.actions(project).asRelated()).get(0);
        assertThat(grouped.targets()).extracting(Object::toString).containsExactly("task1", "task2", "task3");
    }

    @Test
    void noGroupingKeepsEveryAction() {
        log.log(user0, "created", targets(project), groupingDelay(-1));
        tasks.forEach(task -> log.log(user0, "created", targets(task), related(project), groupingDelay(-1)));
        ((ActrackEngine) log).flush(requestQueue);

        assertThat(rows("actrack_action")).isEqualTo(4);
    }

    @Test
    void newActionGroupsIntoARecentStoredOneMergingData() {
        log.log(user0, "edited", targets(project), at(START.minusSeconds(30)), data("x", 1), data("list", List.of(1)));
        ((ActrackEngine) log).flush(requestQueue);
        ActionQueue next = ActionQueue.forRequest();
        ActionLog second = Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(settings())
                .clock(clock)
                .queues(() -> next)
                .build();

        second.log(
                user0,
                "edited",
                targets(project),
                related(tasks.get(0)),
                at(START),
                data("y", 2),
                data("x", 5),
                data("list", List.of(2)),
                level(Level.WARNING));
        ((ActrackEngine) second).flush(next);

        List<Action> actions = everything(log.actions(user0).all());
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.timestamp()).isEqualTo(START.minusSeconds(30));
            assertThat(action.related()).extracting(Object::toString).containsExactly("task1");
            assertThat(action.level()).isEqualTo(40);
            assertThat(action.data())
                    .containsEntry("x", BigDecimal.ONE)
                    .containsEntry("y", BigDecimal.valueOf(2))
                    .containsEntry("list", List.of(BigDecimal.ONE, BigDecimal.valueOf(2)));
        });
        assertThat(log.actions(tasks.get(0)).asRelated().minLevel(40).count())
                .as("references follow the level")
                .isEqualTo(1);
        assertThat(next.stored())
                .singleElement()
                .extracting(ActionStored::id)
                .isEqualTo(actions.get(0).id());
    }

    @Test
    void newActionOutsideTheDelayIsWrittenAnew() {
        log.log(user0, "edited", targets(project), at(START));
        ((ActrackEngine) log).flush(requestQueue);
        ActionQueue next = ActionQueue.forRequest();
        ActionLog second = Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(settings())
                .clock(clock)
                .queues(() -> next)
                .build();

        second.log(user0, "edited", targets(project), at(START.plusSeconds(100)));
        ((ActrackEngine) second).flush(next);

        assertThat(rows("actrack_action")).isEqualTo(2);
    }

    @Test
    void actionsWithoutActorGroupLikeAnyOther() {
        log.log(null, "imported", targets(project), at(START.minusSeconds(10)));
        ((ActrackEngine) log).flush(requestQueue);
        ActionQueue next = ActionQueue.forRequest();
        ActionLog second = Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(settings())
                .clock(clock)
                .queues(() -> next)
                .build();

        second.log(null, "imported", targets(project), related(tasks.get(1)), at(START));
        ((ActrackEngine) second).flush(next);

        assertThat(everything(log.actions(project).asTarget()))
                .singleElement()
                .satisfies(action -> assertThat(action.related())
                        .extracting(Object::toString)
                        .containsExactly("task2"));
    }
}
