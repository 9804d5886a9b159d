/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import org.actrack.ActionGroup;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ReadGrouping;
import org.actrack.Verb;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * Grouped pages through CDI: a {@code @Verb} handler bean's {@link ActionHandler#readGrouping()} decides how its verb
 * groups, and marking a group read joins the caller's transaction.
 */
class ReadGroupingTest extends CdiTest {

    /** Waves group by the waving member, whatever they wave at. */
    @ApplicationScoped
    @Verb("waved")
    public static class WavedHandler implements ActionHandler {
        @Override
        public ReadGrouping readGrouping() {
            return ReadGrouping.byActor();
        }
    }

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {WavedHandler.class};
    }

    @Test
    void aVerbsHandlerBeanDecidesHowItsActionsGroup() {
        Member driver = persist(new Member("driver"));
        Train twelve = persist(new Train("12"));
        Train thirteen = persist(new Train("13"));
        ActionLog log = bean(ActionLog.class);
        log.log(driver, "waved", targets(twelve));
        log.log(driver, "waved", targets(thirteen));
        log.log(driver, "departed", targets(twelve));
        log.log(driver, "departed", targets(thirteen));

        assertThat(log.actions(driver).asActor().grouped().page(10).groups())
                .extracting(ActionGroup::verb, ActionGroup::actionCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("waved", 2L),
                        org.assertj.core.groups.Tuple.tuple("departed", 1L),
                        org.assertj.core.groups.Tuple.tuple("departed", 1L));
    }

    @Test
    void markingAGroupReadCommitsWithTheCallersTransactionAndRollsBackWithIt() throws Exception {
        Member alice = persist(new Member("alice"));
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        log.track(alice, driver);
        log.log(driver, "departed", targets(train));
        log.log(driver, "departed", targets(train));
        ActionGroup departures =
                log.actions(alice).feed().grouped().page(5).groups().get(0);
        TransactionManager transactions = bean(TransactionManager.class);

        transactions.begin();
        assertThat(log.unread(alice).markRead(departures)).isEqualTo(2);
        transactions.rollback();
        assertThat(log.unread(alice).count()).isEqualTo(2);

        transactions.begin();
        log.unread(alice).markRead(departures);
        transactions.commit();
        assertThat(log.unread(alice).count()).isZero();
    }
}
