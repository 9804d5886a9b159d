/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.data;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.control.RequestContextController;
import org.actrack.ActionLog;
import org.actrack.LoggedAction;
import org.actrack.cdi.fixtures.FailingHandlers;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.fixtures.UnwrittenObserver;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** The request-end write never drops actions silently: conflicts are retried, failures handed over. */
class RequestQueueFailureTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {
            FailingHandlers.BrokenHandler.class, FailingHandlers.ContendedHandler.class, UnwrittenObserver.class
        };
    }

    @Test
    void aRequestWriteThatFailsHandsTheActionsToTheApplicationAndStoresNothing() {
        logTwiceInARequest("broken");

        assertThat(database.rows("actrack_action")).isZero();
        assertThat(bean(UnwrittenObserver.class).seen()).singleElement().satisfies(unwritten -> {
            assertThat(unwritten.actions()).extracting(LoggedAction::verb).containsExactly("broken", "broken");
            assertThat(unwritten.actions())
                    .extracting(action -> action.data().get("n").toString())
                    .containsExactly("1", "2");
            assertThat(unwritten.failure()).hasMessageContaining("the handler of 'broken' failed");
        });
    }

    @Test
    void aConflictWithAnotherTransactionAtTheRequestWriteIsRetried() {
        Member user = logTwiceInARequest("contended");

        assertThat(bean(FailingHandlers.ContendedHandler.class, org.actrack.Verb.Literal.of("contended"))
                        .calls())
                .as("a failed attempt, then a successful one")
                .isEqualTo(2);
        assertThat(bean(UnwrittenObserver.class).seen()).isEmpty();
        assertThat(bean(ActionLog.class).actions(user).all().list(10))
                .singleElement()
                .satisfies(action -> assertThat(action.data()).containsKey("n"));
    }

    /** Logs {@code verb} twice by one user on one train in a request without transaction; returns the user. */
    private Member logTwiceInARequest(String verb) {
        Member user = persist(new Member("user"));
        Train train = persist(new Train("12"));
        RequestContextController request = bean(RequestContextController.class);
        ActionLog log = bean(ActionLog.class);
        request.activate();
        log.log(user, verb, targets(train), data("n", 1));
        log.log(user, verb, targets(train), data("n", 2));
        request.deactivate();
        return user;
    }
}
