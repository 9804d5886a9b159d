/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Handlers;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * A handler bean that says its verb is {@linkplain org.actrack.ActionHandler#unreadByPosition() unread by position}
 * (issue 23, item 5): the action's one row commits and rolls back with the business transaction, and its followers
 * count it unread without a mark each.
 */
class BroadcastVerbTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {Handlers.AnnouncementHandler.class};
    }

    @Test
    void aBroadcastActionCommitsOneRowForAllItsFollowersAndRollsBackWithTheTransaction() throws Exception {
        Train train = persist(new Train("12"));
        List<Member> followers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            followers.add(persist(new Member("follower " + i)));
        }
        ActionLog log = bean(ActionLog.class);
        log.trackAll(followers, train, actorOnly(false));
        TransactionManager transactions = bean(TransactionManager.class);

        transactions.begin();
        log.log(null, "announced", targets(train));
        transactions.rollback();
        assertThat(database.rows("actrack_broadcast")).isZero();

        inTransaction(() -> {
            log.log(null, "announced", targets(train));
            log.log(null, "departed", targets(train));
            return null;
        });

        assertThat(database.rows("actrack_broadcast")).isEqualTo(1);
        assertThat(database.rows("actrack_unread")).isEqualTo(followers.size());
        for (Member follower : followers) {
            assertThat(log.unread(follower).count()).isEqualTo(2);
        }
        assertThat(log.unread(followers.get(0)).markAllRead()).isEqualTo(2);
        assertThat(log.unread(followers.get(0)).count()).isZero();
        assertThat(log.unread(followers.get(1)).count()).isEqualTo(2);
    }
}
