/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.util.TypeLiteral;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.LogRequest;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** Logging by firing a CDI event: django-activity-stream's action.send. */
class EventsTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Test
    void firedLogRequestIsLoggedInTheFiringTransaction() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        Event<LogRequest> events = weld.event().select(new TypeLiteral<LogRequest>() {});

        inTransaction(() -> {
            events.fire(LogRequest.of(driver, "departed", targets(train)));
            return null;
        });

        assertThat(bean(ActionLog.class).actions(train).asTarget().list(10))
                .singleElement()
                .satisfies(action -> assertThat(action.verb()).isEqualTo("departed"));
    }

    @Test
    void invalidLogRequestFailsTheFireAndWritesNothing() {
        Member driver = persist(new Member("driver"));
        Event<LogRequest> events = weld.event().select(new TypeLiteral<LogRequest>() {});

        assertThatThrownBy(() -> events.fire(LogRequest.of(driver, " ")))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-101");
        assertThat(database.rows("actrack_action")).isZero();
    }
}
