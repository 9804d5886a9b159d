/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.TransactionManager;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.ObjectRef;
import org.actrack.TrackersChanged;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.TrackerChanges;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** {@link TrackersChanged} is fired once the transaction that changed a user's trackers commits, never on rollback. */
class TrackersChangedTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {TrackerChanges.class};
    }

    @Test
    void trackAllAnnouncesEachUserOnceAfterCommit() {
        Member alice = persist(new Member("alice"));
        Member bob = persist(new Member("bob"));
        Train train = persist(new Train("12"));
        Train other = persist(new Train("13"));
        TrackerChanges changes = bean(TrackerChanges.class);

        inTransaction(() -> {
            bean(ActionLog.class).trackAll(List.of(alice, bob), List.of(train, other));
            assertThat(changes.seen()).as("not before the commit").isEmpty();
            return null;
        });

        assertThat(changes.seen())
                .containsExactlyInAnyOrder(
                        new TrackersChanged(ObjectRef.of("Member", alice.getId().toString())),
                        new TrackersChanged(ObjectRef.of("Member", bob.getId().toString())));
    }

    @Test
    void trackingAndUntrackingAnnounceTheOwnerAfterCommit() {
        Member alice = persist(new Member("alice"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        TrackerChanges changes = bean(TrackerChanges.class);

        inTransaction(() -> {
            log.track(alice, train);
            assertThat(changes.seen()).as("not before the commit").isEmpty();
            return null;
        });
        log.untrack(alice, train);

        TrackersChanged expected =
                new TrackersChanged(ObjectRef.of("Member", alice.getId().toString()));
        assertThat(changes.seen()).containsExactly(expected, expected);
    }

    @Test
    void aRolledBackChangeIsNotAnnounced() throws Exception {
        Member alice = persist(new Member("alice"));
        Train train = persist(new Train("12"));
        TransactionManager transactions = bean(TransactionManager.class);

        transactions.begin();
        bean(ActionLog.class).track(alice, train);
        transactions.rollback();

        assertThat(bean(TrackerChanges.class).seen()).isEmpty();
    }
}
