/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.SettingKeys;
import org.actrack.cdi.fixtures.Exporters;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.actrack.spi.ExportedEvent;
import org.junit.jupiter.api.Test;

/** The outbox relay feeds the application's {@code ActionExporter} bean, each step in a JTA transaction of its own. */
class OutboxRelayWorkerTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {Exporters.Recording.class};
    }

    @Override
    protected Map<String, String> config() {
        return Map.of(SettingKeys.OUTBOX.key(), "true", SettingKeys.OUTBOX_BATCH.key(), "2");
    }

    @Test
    void theRelayHandsTheCommittedEventsToTheExporterAndEmptiesTheOutbox() {
        Member driver = persist(new Member("driver"));
        Train twelve = persist(new Train("12"));
        Train thirteen = persist(new Train("13"));
        ActionLog log = bean(ActionLog.class);
        inTransaction(() -> {
            log.log(driver, "departed", targets(twelve), noGrouping());
            log.log(driver, "departed", targets(thirteen), noGrouping());
            log.log(driver, "arrived", targets(twelve), noGrouping());
            return null;
        });

        int delivered = bean(OutboxRelayWorker.class).relayNow();

        assertThat(delivered).as("a full batch, then the rest at once").isEqualTo(3);
        assertThat(bean(Exporters.Recording.class).received())
                .extracting(ExportedEvent::type)
                .containsOnly("org.actrack.action.logged");
        assertThat(bean(Exporters.Recording.class).received())
                .filteredOn(event -> event.subject().equals("Train#" + twelve.getId()))
                .extracting(event -> event.cloudEvent().contains("\"verb\":\"departed\""))
                .containsExactly(true, false);
        assertThat(database.rows("actrack_outbox")).isZero();
    }
}
