/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.SettingKeys;
import org.actrack.cdi.fixtures.Exporters;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.RecordingMetrics;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** The outbox relay reports its deliveries and its exporter's failures to the application's metrics bean. */
class OutboxRelayMetricsTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {Exporters.FailingOnce.class, RecordingMetrics.class};
    }

    @Override
    protected Map<String, String> config() {
        return Map.of(SettingKeys.OUTBOX.key(), "true");
    }

    @Test
    void aFailedCallAndTheDeliveryAfterItAreReported() {
        Member driver = persist(new Member("driver"));
        Train twelve = persist(new Train("12"));
        Train thirteen = persist(new Train("13"));
        ActionLog log = bean(ActionLog.class);
        log.log(driver, "departed", targets(twelve));
        log.log(driver, "departed", targets(thirteen));
        OutboxRelayWorker relay = bean(OutboxRelayWorker.class);
        RecordingMetrics metrics = bean(RecordingMetrics.class);

        relay.relayNow();
        int failedFirst = metrics.failed();
        inTransaction(() -> database.entityManager()
                .createNativeQuery("UPDATE actrack_outbox SET next_attempt_at = NULL")
                .executeUpdate());
        relay.relayNow();

        assertThat(failedFirst).isEqualTo(2);
        assertThat(metrics.exported()).isEqualTo(2);
        assertThat(bean(Exporters.FailingOnce.class).received()).hasSize(2);
    }
}
