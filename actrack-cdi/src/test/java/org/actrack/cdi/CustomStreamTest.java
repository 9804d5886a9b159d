/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.control.RequestContextController;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.CustomStreams;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** Custom streams are beans found by their {@code @StreamName} and read by name through the log. */
class CustomStreamTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {CustomStreams.MyStream.class, CustomStreams.Arrivals.class};
    }

    @Test
    void aStreamBeanIsReadByItsNameWithItsArguments() {
        Member alice = persist(new Member("alice"));
        Station station = persist(new Station("Lyon"));
        ActionLog log = bean(ActionLog.class);
        log.log(alice, "posted", targets(station));
        log.log(alice, "commented", targets(station));

        assertThat(log.streams().names()).containsExactly("arrivals", "mystream");
        assertThat(log.streams().named("mystream", alice).list(10))
                .extracting(Action::verb)
                .containsExactly("posted");
        assertThat(log.streams()
                        .named("mystream", alice, Map.of("verb", "commented"))
                        .list(10))
                .extracting(Action::verb)
                .containsExactly("commented");
    }

    @Test
    void aRequestScopedStreamIsUsedInTheRequest() {
        Member alice = persist(new Member("alice"));
        Station station = persist(new Station("Lyon"));
        ActionLog log = bean(ActionLog.class);
        log.log(alice, "arrived", targets(station));
        log.log(alice, "left", targets(station));
        RequestContextController request = bean(RequestContextController.class);
        request.activate();
        try {
            assertThat(log.streams().named("arrivals", station).list(10))
                    .extracting(Action::verb)
                    .containsExactly("arrived");
        } finally {
            request.deactivate();
        }
    }
}
