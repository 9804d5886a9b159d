/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.function.Consumer;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * Spec §0.16: bad input refused through CDI inside the caller's JTA transaction leaves that transaction
 * usable; the caller catches the exception and its other work still commits.
 */
class BadInputKeepsTheTransactionTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Test
    void trackingANullUserLeavesTheTransactionUsable() {
        Train train = persistedTrain("1");
        assertValidWorkCommitsDespite(log -> log.track(null, train));
    }

    @Test
    void untrackingANullUserLeavesTheTransactionUsable() {
        Train train = persistedTrain("1");
        assertValidWorkCommitsDespite(log -> log.untrack(null, train));
    }

    @Test
    void trackingAStringLeavesTheTransactionUsable() {
        Member user = persist(new Member("user"));
        assertValidWorkCommitsDespite(log -> log.track(user, "not an entity"));
    }

    @Test
    void markingAllReadForANullUserLeavesTheTransactionUsable() {
        assertValidWorkCommitsDespite(log -> log.unread(null).markAllRead());
    }

    @Test
    void markingANonEntitySeenLeavesTheTransactionUsable() {
        assertValidWorkCommitsDespite(log -> log.unread("not an entity").markSeen());
    }

    @Test
    void aBulkRemovalWithATooLongIdLeavesTheTransactionUsable() {
        assertValidWorkCommitsDespite(log -> log.history().entitiesRemoved(Train.class, List.of("x".repeat(65))));
    }

    @Test
    void loggingWithABlankVerbLeavesTheTransactionUsable() {
        Member user = persist(new Member("user"));
        Train train = persistedTrain("1");
        assertValidWorkCommitsDespite(log -> log.log(user, " ", targets(train)));
    }

    private Train persistedTrain(String number) {
        return persist(new Train(number));
    }

    private void assertValidWorkCommitsDespite(Consumer<ActionLog> badCall) {
        ActionLog log = bean(ActionLog.class);
        long trainsBefore = database.rows("rail_train");
        inTransaction(() -> {
            database.entityManager().persist(new Train("valid work"));
            assertThatThrownBy(() -> badCall.accept(log)).isInstanceOf(ActrackException.class);
            assertThat(status()).as("the caller's transaction").isEqualTo(Status.STATUS_ACTIVE);
            return null;
        });
        assertThat(database.rows("rail_train"))
                .as("the caller's other work committed")
                .isEqualTo(trainsBefore + 1);
        assertThat(database.rows("actrack_action") + database.rows("actrack_tracker"))
                .as("actrack wrote nothing")
                .isZero();
    }

    private int status() {
        try {
            return bean(TransactionManager.class).getStatus();
        } catch (jakarta.transaction.SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
