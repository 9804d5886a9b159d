/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ActrackException;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Note;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §12 scenarios 5–7 and P9, P10 through the explicit calls (the engine without CDI observes no
 * removal by itself): user0 tracks the project in any role and created it and three tasks related to it.
 */
class DeletedItemTest extends ActrackContractTest {

    private User user0;
    private Project project;
    private List<Task> tasks;

    @BeforeEach
    void fixture() {
        user0 = user("user0");
        project = project("project");
        tasks = List.of(task("task1", project), task("task2", project), task("task3", project));
        log.track(user0, project, actorOnly(false));
        log.log(user0, "created", targets(project));
        tasks.forEach(task -> log.log(user0, "created", targets(task), related(project)));
    }

    @Test
    void anActionLoggedAfterItsTargetWasRemovedInTheSameTransactionRefersToTheTargetsDeletedItem() {
        Long taskId = tasks.get(0).getId();
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            Task removed = transaction.entityManager().find(Task.class, taskId);
            transaction.entityManager().remove(removed);
            transaction.log().log(user0, "deleted", targets(removed), related(project));
            transaction.commit();
        }

        Action deleted = log.actions(user0).asActor().verbs("deleted").list(1).get(0);
        assertThat(deleted.targetRefs())
                .singleElement()
                .extracting(ObjectRef::type)
                .isEqualTo("ActrackDeletedItem");
        assertThat(deleted.targets()).singleElement().isInstanceOfSatisfying(DeletedItem.class, item -> {
            assertThat(item.entityType()).isEqualTo("Task");
            assertThat(item.entityId()).isEqualTo(taskId.toString());
        });
        assertThat(deleted.related()).singleElement().isInstanceOf(Project.class);
    }

    @Test
    void anActionLoggedBeforeItsTargetWasRemovedInTheSameTransactionRefersToTheTargetsDeletedItem() {
        Long taskId = editAndRemoveTheFirstTaskInOneTransaction();

        Action edited = log.actions(user0).asActor().verbs("edited").list(1).get(0);
        assertThat(edited.targets())
                .singleElement()
                .isInstanceOfSatisfying(
                        DeletedItem.class, item -> assertThat(item.entityId()).isEqualTo(taskId.toString()));
        assertThat(edited.related()).singleElement().isInstanceOf(Project.class);
        assertThat(log.actions(project).all().list(10))
                .as("the project's stream still has the action")
                .extracting(Action::verb)
                .contains("edited");
    }

    @Test
    void aGroupedReadGroupsTheActionsOfARemovedFirstTargetByItsDeletedItem() {
        // The stored "created" action is re-pointed in the database, the queued "edited" one before it is written.
        editAndRemoveTheFirstTaskInOneTransaction();

        // Read through the actor's rows, which name the first target without being it.
        List<ActionGroup> groups =
                log.actions(user0).asActor().grouped().members(5).page(20).groups();
        assertThat(groups)
                .allSatisfy(group -> assertThat(group.members())
                        .allSatisfy(
                                action -> assertThat(action.targetRefs().get(0)).isEqualTo(group.object())));
        assertThat(groups)
                .filteredOn(group -> group.object().type().equals("ActrackDeletedItem"))
                .extracting(ActionGroup::verb)
                .containsExactlyInAnyOrder("created", "edited");
    }

    /** Logs "edited" on the first task, then removes it, in one transaction; returns the task's id. */
    private Long editAndRemoveTheFirstTaskInOneTransaction() {
        Long taskId = tasks.get(0).getId();
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            Task task = transaction.entityManager().find(Task.class, taskId);
            transaction.log().log(user0, "edited", targets(task), related(project));
            transaction.log().history().entityRemoved(task);
            transaction.entityManager().remove(task);
            transaction.commit();
        }
        return taskId;
    }

    @Test
    void anActorRemovedAfterItsActionInTheSameTransactionIsReferredToByItsDeletedItem() {
        User leaver = user("leaver");
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            User actor = transaction.entityManager().find(User.class, leaver.getId());
            transaction.log().log(actor, "left", targets(project));
            transaction.log().history().entityRemoved(actor);
            transaction.entityManager().remove(actor);
            transaction.commit();
        }

        Action left = log.actions(project).all().verbs("left").list(1).get(0);
        assertThat(left.actorRef()).get().extracting(ObjectRef::type).isEqualTo("ActrackDeletedItem");
        assertThat(left.actor()).get().isInstanceOf(DeletedItem.class);
    }

    @Test
    void anActorRemovedEarlierInTheTransactionIsReferredToByItsDeletedItem() {
        User leaver = user("leaver");
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            User removed = transaction.entityManager().find(User.class, leaver.getId());
            transaction.entityManager().remove(removed);
            transaction.log().log(removed, "left", targets(project));
            transaction.commit();
        }

        Action left = log.actions(project).asTarget().verbs("left").list(1).get(0);
        assertThat(left.actor()).get().isInstanceOfSatisfying(DeletedItem.class, item -> {
            assertThat(item.entityType()).isEqualTo("User");
            assertThat(item.entityId()).isEqualTo(leaver.getId().toString());
        });
    }

    @Test
    void anObjectRemovedInTheTransactionWhoseTypeKeepsNoDeletedItemsIsRefusedAndTheTransactionStaysUsable() {
        Note note = persist(new Note("note"));
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            Note removed = transaction.entityManager().find(Note.class, note.getId());
            transaction.entityManager().remove(removed);
            assertThatThrownBy(() -> transaction.log().log(user0, "shredded", targets(removed)))
                    .isInstanceOf(ActrackException.class)
                    .hasMessageContaining("ACTRACK-")
                    .hasMessageContaining("target")
                    .hasMessageContaining("is not stored");
            transaction.log().log(user0, "tidied", targets(project));
            transaction.commit();
        }

        assertThat(log.actions(project).asTarget().list(10))
                .extracting(Action::verb)
                .contains("tidied");
        assertThat(rows("actrack_deleted_item")).isZero();
    }

    @Test
    void removedTaskBecomesADeletedItemWithItsDescriptionAndSerialization() {
        log.history().entityRemoved(tasks.get(0));

        assertThat(rows("actrack_deleted_item")).isEqualTo(1);
        assertThat(rows("actrack_action")).isEqualTo(4);
        List<Action> withDeleted = log.actions(user0).all().list(10).stream()
                .filter(a -> a.targets().stream().anyMatch(DeletedItem.class::isInstance))
                .toList();
        assertThat(withDeleted).singleElement().satisfies(action -> {
            DeletedItem item = (DeletedItem) action.targets().get(0);
            assertThat(item.description()).isEqualTo("Task " + tasks.get(0).getId());
            assertThat(item.entityType()).isEqualTo("Task");
            assertThat(item.entityId()).isEqualTo(tasks.get(0).getId().toString());
            assertThat(item.serialization()).containsOnlyKeys("task");
            assertThat(action.targetRefs())
                    .singleElement()
                    .extracting(ObjectRef::type)
                    .isEqualTo("ActrackDeletedItem");
        });
    }

    @Test
    void anEntityThatDoesNotOptInLeavesItsDescriptionAndIdButNotItsSerialization() {
        User visitor = user("visitor");
        log.log(visitor, "visited", targets(project));

        log.history().entityRemoved(visitor);

        DeletedItem item = (DeletedItem)
                log.actions(project).asTarget().list(1).get(0).actor().orElseThrow();
        assertThat(item.description()).isEqualTo("visitor");
        assertThat(item.serialization())
                .as("User implements Describable but its @Connected does not keep serializations")
                .containsOnlyKeys("id");
    }

    @Test
    void removedProjectAndTasksKeepEveryActionAndTheTracker() {
        tasks.forEach(log.history()::entityRemoved);
        log.history().entityRemoved(project);

        assertThat(rows("actrack_deleted_item")).isEqualTo(4);
        List<Action> actions = log.actions(user0).all().list(10);
        assertThat(actions).hasSize(4);
        assertThat(actions)
                .allSatisfy(a -> assertThat(a.targets()).singleElement().isInstanceOf(DeletedItem.class));
        assertThat(actions.stream().filter(a -> a.related().stream().anyMatch(DeletedItem.class::isInstance)))
                .hasSize(3);
        assertThat(log.trackers(user0).owned().list())
                .singleElement()
                .satisfies(t -> assertThat(t.tracked()).containsInstanceOf(DeletedItem.class));
    }

    @Test
    void removedUserKeepsTheirActionsAndLosesTheirTrackers() {
        log.history().entityRemoved(user0);

        assertThat(rows("actrack_deleted_item")).isEqualTo(1);
        assertThat(rows("actrack_action")).isEqualTo(4);
        assertThat(rows("actrack_tracker")).isZero();
        assertThat(log.actions(project).all().list(10))
                .hasSize(4)
                .allSatisfy(a -> assertThat(a.actor())
                        .get()
                        .isInstanceOf(DeletedItem.class)
                        .hasToString("user0"));
    }

    @Test
    void removingWhatNothingRefersToCreatesNoDeletedItem() {
        Project lonely = project("lonely");

        log.history().entityRemoved(lonely);

        assertThat(rows("actrack_deleted_item")).isZero();
    }

    @Test
    void withoutDeletedItemsActionsAndTrackersGoWithTheEntity() {
        Note note = persist(new Note("note"));
        User reader = user("reader");
        log.track(reader, note, actorOnly(false));
        log.track(reader, user0);
        log.log(user0, "wrote", targets(note));
        log.log(note, "expired");
        log.log(user0, "cited", related(note));
        long unreadBefore = log.unread(reader).count();

        log.history().entityRemoved(note);

        assertThat(rows("actrack_deleted_item")).isZero();
        assertThat(rows("actrack_action")).isEqualTo(4);
        assertThat(log.trackers(reader).owned().count()).isEqualTo(1);
        assertThat(unreadBefore).isEqualTo(3);
        assertThat(log.unread(reader).count())
                .as("their unread marks went with them")
                .isZero();
    }

    @Test
    void theDeletedItemOfAnEntityIsCreatedOnceAndUsableInLogs() {
        Task task = tasks.get(1);
        DeletedItem item = log.history().deletedItem(task);
        log.log(user0, "removed", targets(item));
        log.history().entityRemoved(task);

        assertThat(log.history().deletedItem(task)).isEqualTo(item);
        assertThat(rows("actrack_deleted_item")).isEqualTo(1);
        assertThat(log.actions(user0).asActor().verbs("removed").list(1).get(0).targets())
                .containsExactly(item);
    }

    @Test
    void bulkRemovalsUseTheEntityNameAndIdAsDescription() {
        log.history().entitiesRemoved(Task.class, List.of(tasks.get(2).getId()));

        DeletedItem item =
                (DeletedItem) log.actions(user0).all().list(1).get(0).targets().get(0);
        assertThat(item.description()).isEqualTo("Task " + tasks.get(2).getId());
        assertThat(item.serialization())
                .isEqualTo(
                        Map.of("id", java.math.BigDecimal.valueOf(tasks.get(2).getId())));
    }
}
