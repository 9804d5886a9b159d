/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionManager;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.LogRequest;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.RecordingMetrics;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * The application's metrics bean hears, once a transaction committed, how many unread marks it wrote: one per reader
 * of each action, whether the actions were written one by one or in bulk, and nothing for a transaction rolled back.
 */
class UnreadMarksMetricsTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {RecordingMetrics.class};
    }

    @Test
    void eachCommittedTransactionReportsItsMarksAndARolledBackOneNothing() throws Exception {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        Train unwatched = persist(new Train("13"));
        ActionLog log = bean(ActionLog.class);
        for (String name : List.of("ann", "bob", "cy")) {
            log.track(persist(new Member(name)), train, actorOnly(false));
        }
        RecordingMetrics metrics = bean(RecordingMetrics.class);
        TransactionManager transactions = bean(TransactionManager.class);

        log.log(driver, "departed", targets(train));
        transactions.begin();
        log.log(driver, "derailed", targets(train));
        transactions.rollback();
        transactions.begin();
        log.logAll(List.of(
                LogRequest.of(driver, "stopped", targets(train)),
                LogRequest.of(driver, "whistled", targets(unwatched)),
                LogRequest.of(driver, "arrived", targets(train))));
        transactions.commit();
        log.log(driver, "whistled", targets(unwatched));

        assertThat(metrics.unreadMarks()).containsExactly(3L, 6L);
        assertThat(inTransaction(() -> ((Number) database.entityManager()
                                .createNativeQuery("SELECT COUNT(*) FROM actrack_unread")
                                .getSingleResult())
                        .longValue()))
                .isEqualTo(9);
    }
}
