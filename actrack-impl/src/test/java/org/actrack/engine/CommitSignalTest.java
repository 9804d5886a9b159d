/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.LogRequest;
import org.actrack.ObjectRef;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Integration;
import org.actrack.spi.Notifications;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every transaction that stores actions or changes trackers notifies the other nodes once, and only when it commits
 * (PostgreSQL's {@code NOTIFY} on {@code actrack.notify-channel}); {@code Fanout.listen} is how a node hears them.
 */
class CommitSignalTest extends ActrackContractTest {

    private Notifications notifications;

    @AfterEach
    void stopListening() {
        if (notifications != null) {
            notifications.close();
        }
    }

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().notifyChannel("signal_test").build();
    }

    private Notifications listening() {
        assumeTrue("postgresql".equals(database.kind()), "NOTIFY is PostgreSQL's");
        notifications =
                log.unwrap(Integration.class).fanout().listen(Optional.empty()).orElseThrow();
        return notifications;
    }

    @Test
    void aTransactionThatStoresActionsNotifiesOnceAtCommit() {
        User writer = user("writer");
        Project project = project("project");
        Notifications listener = listening();

        log.logAll(List.of(
                LogRequest.of(writer, "created", targets(project)),
                LogRequest.of(writer, "edited", targets(project)),
                LogRequest.of(writer, "closed", targets(project))));

        assertThat(listener.await(Duration.ofSeconds(5))).isEqualTo(new Notifications.Received(true, Set.of()));
        assertThat(listener.await(Duration.ofMillis(300)).isEmpty()).isTrue();
    }

    @Test
    void aTransactionThatRollsBackNotifiesNothing() {
        User writer = user("writer");
        Notifications listener = listening();

        EntityManager em = database.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            Actrack.builder()
                    .entityManagerSource(org.actrack.spi.EntityManagerSource.sharing(em))
                    .settings(settings())
                    .clock(clock)
                    .build()
                    .log(writer, "created");
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertThat(listener.await(Duration.ofMillis(500))).isEqualTo(Notifications.Received.NOTHING);
    }

    @Test
    void changingTrackersNotifiesWhoseTrackersChanged() {
        User reader = user("reader");
        Project project = project("project");
        Notifications listener = listening();

        log.track(reader, project);

        assertThat(listener.await(Duration.ofSeconds(5)).trackersChanged())
                .containsExactly(ObjectRef.of("User", reader.getId().toString()));
    }

    @Test
    void aListeningConnectionThatCannotBeOpenedSaysWhy() {
        assumeTrue("postgresql".equals(database.kind()), "NOTIFY is PostgreSQL's");

        assertThatThrownBy(() -> log.unwrap(Integration.class)
                        .fanout()
                        .listen(Optional.of("jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=hidden")))
                .isInstanceOfSatisfying(
                        ActrackException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.NOTIFICATIONS_UNAVAILABLE))
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("hidden");
    }

    @Test
    void databasesWithoutNotificationsHaveNoListeningConnection() {
        assumeFalse("postgresql".equals(database.kind()), "PostgreSQL has notifications");

        assertThat(log.unwrap(Integration.class).fanout().listen(Optional.empty()))
                .isEmpty();
    }

    @Test
    void trackerChangesAreFoundByTimeOnEveryDatabase() {
        User early = user("early");
        User late = user("late");
        Project project = project("project");
        log.track(early, project);
        clock.advance(Duration.ofMinutes(5));
        java.time.Instant between = clock.peek();
        log.track(late, project);
        log.untrack(late, project);

        java.util.Map<ObjectRef, java.time.Instant> sinceBetween =
                log.unwrap(Integration.class).fanout().trackersChangedSince(between);
        assertThat(sinceBetween)
                .containsOnlyKeys(ObjectRef.of("User", late.getId().toString()));
        assertThat(sinceBetween.values())
                .allSatisfy(
                        changed -> assertThat(changed).as("the latest change").isAfterOrEqualTo(between));
        java.util.Map<ObjectRef, java.time.Instant> all =
                log.unwrap(Integration.class).fanout().trackersChangedSince(START);
        assertThat(all).hasSize(2);
        assertThat(all.get(ObjectRef.of("User", early.getId().toString()))).isBefore(between);
    }
}
