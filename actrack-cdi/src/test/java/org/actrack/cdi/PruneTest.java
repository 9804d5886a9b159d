/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.at;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.time.Instant;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * Pruning through the injected log: in transactions of its own when the caller has none (the partitions, where the
 * tables have them, then the rest), and with the caller's transaction when there is one.
 */
class PruneTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Test
    void pruneDeletesTheOlderActionsAndRollsBackWithTheCallersTransaction() throws Exception {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        Instant now = Instant.now();
        log.log(driver, "departed", targets(train), at(now.minus(Duration.ofDays(40))));
        log.log(driver, "arrived", targets(train), at(now.minus(Duration.ofDays(35))));
        log.log(driver, "departed", targets(train));
        Instant cut = now.minus(Duration.ofDays(30));

        TransactionManager transactions = bean(TransactionManager.class);
        transactions.begin();
        assertThat(log.history().prune(cut)).isEqualTo(2);
        transactions.rollback();
        assertThat(database.rows("actrack_action")).isEqualTo(3);

        assertThat(log.history().prune(cut)).isEqualTo(2);
        assertThat(database.rows("actrack_action")).isEqualTo(1);
        assertThat(log.history().prune(cut)).isZero();
    }
}
