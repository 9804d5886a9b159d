/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.data;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.actrack.Action;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §0.15 and §0.3: two transactions grouping into the same stored action, each on its own connection at
 * the database's default isolation. The second waits for the first and merges into what it left.
 */
class ConcurrentGroupingTest extends ActrackContractTest {

    private final ExecutorService otherThread = Executors.newSingleThreadExecutor();
    private User user;
    private Project project;

    @BeforeEach
    void storedAction() {
        user = user("user");
        project = project("project");
        log.log(user, "edited", targets(project), data("ids", List.of("first")));
        clock.advance(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopThread() throws InterruptedException {
        // Stopped and awaited, so that after a failure nothing still writes while the next test cleans up.
        otherThread.shutdownNow();
        assertThat(otherThread.awaitTermination(1, TimeUnit.MINUTES))
                .as("the other transaction's thread stops")
                .isTrue();
    }

    @Test
    void twoTransactionsGroupingIntoOneStoredActionBothKeepTheirContribution() throws Exception {
        try (Transaction first = transaction();
                Transaction second = transaction()) {
            logEdit(first, "t1");
            CompletableFuture<Void> secondLogs = CompletableFuture.runAsync(() -> logEdit(second, "t2"), otherThread);
            Thread.sleep(300);
            assertThat(secondLogs)
                    .as("the second transaction waits for the first's lock")
                    .isNotDone();

            first.commit();
            secondLogs.get(30, TimeUnit.SECONDS);
            second.commit();
        }

        assertThat(storedIds()).containsExactly("first", "t1", "t2");
    }

    @Test
    void aRolledBackTransactionLeavesOnlyTheCommittedContribution() throws Exception {
        try (Transaction first = transaction();
                Transaction second = transaction()) {
            logEdit(first, "t1");
            CompletableFuture<Void> secondLogs = CompletableFuture.runAsync(() -> logEdit(second, "t2"), otherThread);
            Thread.sleep(300);

            first.rollback();
            secondLogs.get(30, TimeUnit.SECONDS);
            second.commit();
        }

        assertThat(storedIds()).containsExactly("first", "t2");
    }

    @Test
    void theSecondTransactionToGroupMayCommitFirstWhenTheFirstGroupsLater() throws Exception {
        try (Transaction first = transaction();
                Transaction second = transaction()) {
            logEdit(second, "t2");
            second.commit();
            logEdit(first, "t1");
            first.commit();
        }

        assertThat(storedIds()).containsExactly("first", "t2", "t1");
    }

    /** Spec §7 and §0.3, issue 8 item 12: a combination never deletes or moves an action another transaction stored. */
    @Test
    void combinationNeverDeletesAStoredActionThatWasGroupedInto() {
        Project other = project("other");
        log.log(user, "my_included_action", targets(project, other), data("ids", List.of("stored")));
        long stored = log.actions(user)
                .asActor()
                .verbs("my_included_action")
                .list(1)
                .get(0)
                .id();

        try (Transaction transaction = transaction()) {
            transaction.log().log(
                    user, "my_included_action", targets(project), data("ids", List.of("grouped")), groupingDelay(30));
            transaction.log().log(
                    user, "my_all_inclusive_action", targets(project, other), data("ids", List.of("new")));
            transaction.commit();
        }

        List<Action> included =
                log.actions(user).asActor().verbs("my_included_action").list(10);
        assertThat(included).extracting(Action::id).containsExactly(stored);
        assertThat(included.get(0).data().get("ids")).isEqualTo(List.of("stored", "grouped"));
        List<Action> inclusive =
                log.actions(user).asActor().verbs("my_all_inclusive_action").list(10);
        assertThat(inclusive).hasSize(1);
        assertThat(inclusive.get(0).data().get("ids")).isEqualTo(List.of("new"));
    }

    /**
     * Issue 20 item 2: as in django-actrack, an action that combines into an earlier one of its transaction is absorbed
     * also when that one stands for a stored action it was grouped into; the stored action only grows.
     */
    @Test
    void anActionCombinesIntoAStoredActionItsTransactionGroupedInto() {
        Project other = project("other");
        log.log(user, "my_all_inclusive_action", targets(project, other), data("ids", List.of("stored")));
        long stored = log.actions(user).asActor().list(1).get(0).id();

        try (Transaction transaction = transaction()) {
            transaction.log().log(
                    user,
                    "my_all_inclusive_action",
                    targets(project),
                    data("ids", List.of("grouped")),
                    groupingDelay(30));
            transaction.log().log(user, "my_included_action", targets(project), data("ids", List.of("combined")));
            transaction.commit();
        }

        List<Action> actions = log.actions(user)
                .asActor()
                .verbs("my_all_inclusive_action", "my_included_action")
                .list(10);
        assertThat(actions).extracting(Action::id).containsExactly(stored);
        assertThat(actions.get(0).verb()).isEqualTo("my_all_inclusive_action");
        assertThat(actions.get(0).data().get("ids")).isEqualTo(List.of("stored", "grouped", "combined"));
    }

    private Transaction transaction() {
        return new Transaction(database.factory(), ActrackSettings.defaults(), clock, Handlers.lookup());
    }

    private void logEdit(Transaction transaction, String id) {
        transaction.log().log(user, "edited", targets(project), data("ids", List.of(id)), groupingDelay(60));
    }

    private List<Object> storedIds() {
        List<Action> actions = log.actions(project).all().list(10);
        assertThat(actions).as("one action, everything grouped into it").hasSize(1);
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) actions.get(0).data().get("ids");
        return ids;
    }
}
