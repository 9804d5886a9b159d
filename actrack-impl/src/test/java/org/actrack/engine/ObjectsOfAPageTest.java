/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The objects a page of actions hands back: the application's entities, each the one its reference names, read once
 * per type and page (on Hibernate ORM through a loader whose SQL is kept per entity type), and inside a transaction the
 * very instances the transaction holds.
 */
class ObjectsOfAPageTest extends ActrackContractTest {

    private User alice;
    private Project project;
    private final List<Task> tasks = new ArrayList<>();

    @BeforeEach
    void fixture() {
        alice = user("alice");
        project = project("project");
        for (int i = 0; i < 25; i++) {
            Task task = task("task" + i, project);
            tasks.add(task);
            log.log(alice, "created", targets(task), related(project));
        }
    }

    @Test
    void everyActionOfAPageShowsTheEntitiesItsReferencesName() {
        for (int round = 0; round < 3; round++) {
            List<Action> page = log.actions(project).asRelated().list(25);

            assertThat(page).hasSize(25);
            for (int i = 0; i < page.size(); i++) {
                Task expected = tasks.get(tasks.size() - 1 - i);
                assertThat(page.get(i).targets()).singleElement().isInstanceOfSatisfying(Task.class, task -> {
                    assertThat(task.getId()).isEqualTo(expected.getId());
                    assertThat(task).hasToString(expected.toString());
                });
                assertThat(page.get(i).actor()).get().isInstanceOf(User.class);
                assertThat(page.get(i).related()).singleElement().isInstanceOf(Project.class);
            }
        }
    }

    @Test
    void aPageReadInATransactionHandsBackTheInstancesTheTransactionHolds() {
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            Task held =
                    transaction.entityManager().find(Task.class, tasks.get(3).getId());
            Project heldProject = transaction.entityManager().find(Project.class, project.getId());

            List<Action> page = transaction.log().actions(held).asTarget().list(10);

            assertThat(page).singleElement().satisfies(action -> {
                assertThat(action.targets()).singleElement().isSameAs(held);
                assertThat(action.related()).singleElement().isSameAs(heldProject);
            });
        }
    }

    @Test
    void anEntityPersistedButNotYetWrittenInTheTransactionIsShownAsTheTransactionHoldsIt() {
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            Project heldProject = transaction.entityManager().find(Project.class, project.getId());
            Task fresh = new Task("fresh", heldProject);
            transaction.entityManager().persist(fresh);
            transaction.log().log(alice, "created", targets(fresh), related(heldProject));

            List<Action> page =
                    transaction.log().actions(heldProject).asRelated().list(2);

            assertThat(page.get(0).targets()).singleElement().isSameAs(fresh);
            assertThat(page.get(1).targets())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            Task.class,
                            task -> assertThat(task.getId())
                                    .isEqualTo(tasks.get(24).getId()));
        }
    }

    @Test
    void anEntityWhoseRowWasDeletedBehindTheProvidersBackShowsAsNoObject() {
        Long gone = tasks.get(24).getId();
        inTransaction(em -> em.createNativeQuery("DELETE FROM fixture_task WHERE id = " + gone)
                .executeUpdate());

        List<Action> page = log.actions(project).asRelated().list(2);

        assertThat(page.get(0).targetRefs())
                .singleElement()
                .satisfies(ref -> assertThat(ref.id()).isEqualTo(gone.toString()));
        assertThat(page.get(0).targets()).isEmpty();
        assertThat(page.get(1).targets()).singleElement().isInstanceOf(Task.class);
    }
}
