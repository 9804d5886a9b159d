/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.control.RequestContextController;
import java.util.List;
import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.SettingKeys;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec §12 scenarios 8 and 9 (grouping.py) with {@code actrack.grouping-delay=60} from MicroProfile Config. */
class GroupingTest extends CdiTest {

    private Member user0;
    private Station project;
    private List<Train> tasks;

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Override
    protected Map<String, String> config() {
        return Map.of(SettingKeys.GROUPING_DELAY.key(), "60");
    }

    @BeforeEach
    void fixture() {
        user0 = persist(new Member("user0"));
        project = persist(new Station("project"));
        tasks = List.of(persist(new Train("task1")), persist(new Train("task2")), persist(new Train("task3")));
    }

    @Test
    void settingsComeFromMicroProfileConfig() {
        assertThat(bean(ActionLog.class).unwrap(Integration.class).settings().groupingDelaySeconds())
                .isEqualTo(60);
    }

    @Test
    void actionsSharingRelatedObjectsGroupInARequest() {
        RequestContextController request = bean(RequestContextController.class);
        ActionLog log = bean(ActionLog.class);
        request.activate();
        log.log(user0, "created", targets(project));
        tasks.forEach(task -> log.log(user0, "created", targets(task), related(project)));
        request.deactivate();

        assertThat(database.rows("actrack_action")).isEqualTo(2);
        assertThat(log.actions(project).asRelated().list(1).get(0).targets())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("task1", "task2", "task3");
    }

    @Test
    void actionsSharingRelatedObjectsGroupInATransaction() {
        ActionLog log = bean(ActionLog.class);
        inTransaction(() -> {
            log.log(user0, "created", targets(project));
            tasks.forEach(task -> log.log(user0, "created", targets(task), related(project)));
            return null;
        });

        assertThat(database.rows("actrack_action")).isEqualTo(2);
        assertThat(log.actions(project).asRelated().list(1).get(0).targets())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("task1", "task2", "task3");
    }

    @Test
    void noGroupingOnEachLogKeepsFourActions() {
        RequestContextController request = bean(RequestContextController.class);
        ActionLog log = bean(ActionLog.class);
        request.activate();
        log.log(user0, "created", targets(project), groupingDelay(-1));
        tasks.forEach(task -> log.log(user0, "created", targets(task), related(project), groupingDelay(-1)));
        request.deactivate();

        assertThat(database.rows("actrack_action")).isEqualTo(4);
    }

    @Test
    void actionsOfSeparateTransactionsGroupWithStoredOnes() {
        ActionLog log = bean(ActionLog.class);
        inTransaction(() -> {
            log.log(user0, "created", targets(tasks.get(0)), related(project));
            return null;
        });
        inTransaction(() -> {
            log.log(user0, "created", targets(tasks.get(1)), related(project));
            return null;
        });

        assertThat(database.rows("actrack_action")).isEqualTo(1);
    }
}
