/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Handlers;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.testing.CdiTest;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;

/** Handlers are beans found by their @Verb; other verbs get the default handler, which can be replaced. */
class HandlerTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {Handlers.ArrivalHandler.class, Handlers.MyActionHandler.class};
    }

    @Test
    void handlerIsFoundByItsVerb() {
        Member user = persist(new Member("user"));
        ActionLog log = bean(ActionLog.class);
        log.log(user, "my_action");

        String verb = log.actions(user).all().list(1).get(0).verb();
        assertThat(log.unwrap(Integration.class).handler(verb)).isInstanceOf(Handlers.MyActionHandler.class);
    }

    @Test
    void integrationsInjectTheIntegrationTheLogUnwrapsTo() {
        Integration injected = bean(Integration.class);

        assertThat(injected.handler("my_action")).isInstanceOf(Handlers.MyActionHandler.class);
        assertThat(injected.settings())
                .isSameAs(bean(ActionLog.class).unwrap(Integration.class).settings());
    }

    @Test
    void verbsWithoutHandlerGetTheDefaultHandler() {
        assertThat(bean(ActionLog.class).unwrap(Integration.class).handler("unknown"))
                .isInstanceOf(DefaultActionHandler.class);
    }

    @Test
    void handlerLevelIsTheDefaultLevelOfItsVerb() {
        Member user = persist(new Member("user"));
        ActionLog log = bean(ActionLog.class);
        log.log(user, "arrived");
        log.log(user, "left");

        assertThat(log.actions(user).all().list(2))
                .extracting(a -> a.verb() + "@" + a.level())
                .containsExactly("left@30", "arrived@40");
    }
}
