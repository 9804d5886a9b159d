/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionManager;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** Marking a feed seen through CDI is part of the caller's JTA transaction: it commits and rolls back with it. */
class SeenPositionTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Test
    void theSeenPositionCommitsWithTheCallersTransactionAndRollsBackWithIt() throws Exception {
        Member alice = persist(new Member("alice"));
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        log.track(alice, driver);
        log.log(driver, "departed", targets(train));
        TransactionManager transactions = bean(TransactionManager.class);

        transactions.begin();
        log.unread(alice).markSeen();
        transactions.rollback();

        assertThat(log.unread(alice).countUnseen()).isEqualTo(1);
        assertThat(log.unread(alice).seenUntil()).isEmpty();

        transactions.begin();
        log.unread(alice).markSeen();
        transactions.commit();

        assertThat(log.unread(alice).countUnseen()).isZero();
        assertThat(log.unread(alice).count()).isEqualTo(1);
    }

    @Test
    void withoutATransactionMarkingSeenRunsInOneOfItsOwn() {
        Member alice = persist(new Member("alice"));
        Member driver = persist(new Member("driver"));
        ActionLog log = bean(ActionLog.class);
        log.track(alice, driver);
        log.log(driver, "waved");

        log.unread(alice).markSeen();

        assertThat(log.unread(alice).countUnseen()).isZero();
        assertThat(log.unread(alice).seenUntil()).isPresent();
    }
}
