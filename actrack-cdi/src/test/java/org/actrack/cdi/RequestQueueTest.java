/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.control.RequestContextController;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionStored;
import org.actrack.cdi.fixtures.Handlers;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.StoredActions;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.fixtures.TrainService;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** Spec §12 scenarios 1 and 4 and §0.1, 0.2: the request queue and the transaction queue through CDI. */
class RequestQueueTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {
            Handlers.IncludedHandler.class,
            Handlers.MyActionHandler.class,
            TrainService.class,
            org.actrack.cdi.fixtures.Departures.class
        };
    }

    @Test
    void actionsLoggedInARequestWithoutTransactionAreWrittenWhenTheRequestEnds() {
        Member user = persist(new Member("user"));
        Station project = persist(new Station("project"));
        RequestContextController request = bean(RequestContextController.class);
        ActionLog log = bean(ActionLog.class);

        request.activate();
        log.log(user, "tests", related(project));
        assertThat(database.rows("actrack_action"))
                .as("nothing before the request ends")
                .isZero();
        request.deactivate();

        List<Action> actions = log.actions(user).all().list(10);
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.verb()).isEqualTo("tests");
            assertThat(action.related()).extracting(Object::toString).containsExactly("project");
        });
        assertThat(bean(StoredActions.class).seen())
                .extracting(ActionStored::id)
                .containsExactly(actions.get(0).id());
    }

    @Test
    void includedActionsCombineIntoTheAllInclusiveOneWithinARequest() {
        Member user = persist(new Member("user"));
        RequestContextController request = bean(RequestContextController.class);
        ActionLog log = bean(ActionLog.class);

        request.activate();
        log.log(user, "my_included_action");
        log.log(user, "my_all_inclusive_action");
        log.log(user, "my_included_action");
        request.deactivate();

        assertThat(log.actions(user).all().list(10))
                .extracting(Action::verb)
                .containsExactly("my_all_inclusive_action");
    }

    @Test
    void combinationAlsoWorksWithinATransaction() {
        Member user = persist(new Member("user"));
        ActionLog log = bean(ActionLog.class);

        inTransaction(() -> {
            log.log(user, "my_included_action");
            log.log(user, "my_all_inclusive_action");
            log.log(user, "my_included_action");
            return null;
        });

        assertThat(log.actions(user).all().list(10))
                .extracting(Action::verb)
                .containsExactly("my_all_inclusive_action");
        assertThat(database.rows("actrack_action_ref"))
                .as("the removed action left no reference")
                .isEqualTo(1);
    }

    @Test
    void idsFollowLoggingOrderInATransaction() {
        Member user = persist(new Member("user"));

        bean(TrainService.class).logSeveral(user, "a", "b", "c", "d");

        List<Action> newestFirst = bean(ActionLog.class).actions(user).all().list(10);
        assertThat(newestFirst).extracting(Action::verb).containsExactly("d", "c", "b", "a");
        assertThat(newestFirst).extracting(Action::id).isSortedAccordingTo((x, y) -> Long.compare(y, x));
    }

    @Test
    void storedEventsAreSeenAfterCommitOnly() {
        Member user = persist(new Member("user"));
        Train train = persist(new Train("12"));
        StoredActions stored = bean(StoredActions.class);

        inTransaction(() -> {
            bean(ActionLog.class).log(user, "departed", targets(train));
            assertThat(stored.seen()).as("not before commit").isEmpty();
            return null;
        });
        assertThat(stored.seen())
                .singleElement()
                .satisfies(event -> assertThat(event.action().verb()).isEqualTo("departed"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inTransaction(() -> {
            bean(ActionLog.class).log(user, "arrived", targets(train));
            throw new IllegalStateException("rolled back");
        }));
        assertThat(stored.seen()).hasSize(1);
        assertThat(database.rows("actrack_action")).isEqualTo(1);
    }
}
