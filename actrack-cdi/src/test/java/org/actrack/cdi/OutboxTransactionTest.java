/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionManager;
import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.SettingKeys;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * With {@code actrack.outbox=true}, the events of a JTA transaction's actions are written with them before the commit:
 * an event exists if and only if its action committed.
 */
class OutboxTransactionTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Override
    protected Map<String, String> config() {
        return Map.of(SettingKeys.OUTBOX.key(), "true", SettingKeys.OUTBOX_SOURCE.key(), "/railway");
    }

    @Test
    void theEventsOfATransactionCommitWithItsActionsAndOnlyThen() throws Exception {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        TransactionManager transactions = bean(TransactionManager.class);
        ActionLog log = bean(ActionLog.class);

        transactions.begin();
        log.log(driver, "departed", targets(train));
        transactions.rollback();

        assertThat(database.rows("actrack_action") + database.rows("actrack_outbox"))
                .isZero();

        inTransaction(() -> {
            log.log(driver, "departed", targets(train));
            log.log(driver, "arrived", targets(train));
            return null;
        });

        assertThat(database.rows("actrack_action")).isEqualTo(2);
        assertThat(database.rows("actrack_outbox")).isEqualTo(2);
    }
}
