/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.OptionalInt;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.testing.CdiTest;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;

/** The application replaces the default handler with an alternative of its own. */
class DefaultHandlerReplacementTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {QuietDefault.class};
    }

    @Test
    void alternativeReplacesTheDefaultHandler() {
        Member user = persist(new Member("user"));
        ActionLog log = bean(ActionLog.class);
        log.log(user, "anything");

        assertThat(log.unwrap(Integration.class).handler("anything")).isInstanceOf(QuietDefault.class);
        assertThat(log.actions(user).all().list(1).get(0).level()).isEqualTo(10);
    }

    @Alternative
    @Priority(Interceptor.Priority.APPLICATION)
    @ApplicationScoped
    public static class QuietDefault implements ActionHandler {
        @Override
        public OptionalInt level() {
            return OptionalInt.of(10);
        }
    }
}
