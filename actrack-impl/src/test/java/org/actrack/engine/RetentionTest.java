/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.at;
import static org.actrack.Options.noGrouping;
import static org.actrack.Options.since;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.LogRequest;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.EntityManagerSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link org.actrack.History#prune}: old actions go with their references and unread marks; nothing else changes. */
class RetentionTest extends ActrackContractTest {

    private User reader;
    private User writer;
    private Project project;

    @BeforeEach
    void followedProject() {
        reader = user("reader");
        writer = user("writer");
        project = project("apollo");
        log.track(reader, project, actorOnly(false), since(START.minus(Duration.ofDays(100))));
    }

    @Test
    void pruneDeletesActionsBeforeTheCutoffWithTheirReferencesAndUnreadMarks() {
        log.log(writer, "opened", targets(project), at(START.minus(Duration.ofDays(40))));
        log.log(writer, "edited", targets(project), at(START.minus(Duration.ofDays(31))));
        log.log(writer, "closed", targets(project), at(START.minus(Duration.ofDays(30))));
        log.log(writer, "reopened", targets(project), at(START.minus(Duration.ofDays(1))));
        assertThat(log.unread(reader).count()).isEqualTo(4);

        long pruned = log.history().prune(START.minus(Duration.ofDays(30)));

        assertThat(pruned).isEqualTo(2);
        assertThat(log.actions(reader).feed().list(10)).extracting(Action::verb).containsExactly("reopened", "closed");
        assertThat(rows("actrack_action")).isEqualTo(2);
        assertThat(rows("actrack_action_ref")).isEqualTo(4);
        assertThat(log.unread(reader).count())
                .isEqualTo(2)
                .isEqualTo(log.actions(reader).feed().unreadFor(reader).count());
        assertThat(log.trackers(reader).owned().list()).hasSize(1);
    }

    @Test
    void pruneDeletesAnyNumberOfActionsOldestFirst() {
        List<LogRequest> requests = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            requests.add(LogRequest.of(
                    writer, "counted", targets(project), at(START.minus(Duration.ofMinutes(2_000 - i))), noGrouping()));
        }
        log.logAll(requests);

        assertThat(log.history().prune(START.minus(Duration.ofMinutes(800)))).isEqualTo(1_200);

        assertThat(log.actions(project).all().list(10))
                .singleElement()
                .satisfies(action -> assertThat(action.timestamp()).isEqualTo(START.minus(Duration.ofMinutes(800))));
        assertThat(rows("actrack_unread")).isEqualTo(1);
    }

    @Test
    void pruneWithNothingOldEnoughDeletesNothing() {
        log.log(writer, "opened", targets(project));

        assertThat(log.history().prune(START.minusSeconds(1))).isZero();

        assertThat(rows("actrack_action")).isEqualTo(1);
    }

    @Test
    void pruneInTheCallersTransactionRollsBackWithIt() {
        log.log(writer, "opened", targets(project), at(START.minus(Duration.ofDays(2))));
        EntityManager em = database.factory().createEntityManager();
        ActionLog shared = Actrack.builder()
                .entityManagerSource(EntityManagerSource.sharing(em))
                .clock(clock)
                .build();
        try {
            em.getTransaction().begin();
            assertThat(shared.history().prune(START)).isEqualTo(1);
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(log.unread(reader).count()).isEqualTo(1);
    }

    @Test
    void actionsLoggedAtTheCutoffAreKept() {
        Instant cutoff = START.minus(Duration.ofHours(1));
        log.log(writer, "opened", targets(project), at(cutoff));

        assertThat(log.history().prune(cutoff)).isZero();
        assertThat(log.history().prune(cutoff.plusNanos(1_000))).isEqualTo(1);
    }
}
