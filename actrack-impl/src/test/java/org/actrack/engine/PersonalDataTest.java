/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.data;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.DeletedItem;
import org.actrack.LoggedAction;
import org.actrack.ObjectRef;
import org.actrack.PersonalData;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's data (issue 23, item 4): the export holds what actrack keeps about them; erasure leaves their actions to
 * the others who share them, referring to an anonymous deleted item, and no row that names the person.
 */
class PersonalDataTest extends ActrackContractTest {

    /** "commented" keeps the comment's text but not the author's name the application wrote into it. */
    private static final ActionHandler COMMENTS = new ActionHandler() {
        @Override
        public Map<String, Object> scrub(LoggedAction action, ObjectRef erased) {
            Map<String, Object> data = new HashMap<>(action.data());
            data.remove("author");
            return data;
        }
    };

    private User alice;
    private User bob;
    private Project project;
    private Task task;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().erasedDescription("someone who left").build();
    }

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return Actrack.builder()
                .entityManagerFactory(factory)
                .settings(settings)
                .clock(testClock)
                .handlers(verb -> verb.equals("commented") ? COMMENTS : Handlers.DEFAULT)
                .build();
    }

    @BeforeEach
    void aliceBobAndTheirProject() {
        alice = user("alice");
        bob = user("bob");
        project = project("project");
        task = task("task", project);
        log.track(alice, project, actorOnly(false));
        log.track(bob, project, actorOnly(false));
        log.track(bob, alice, actorOnly(false));
        log.log(alice, "commented", targets(project), data(Map.of("author", "Alice Liddell", "text", "ship it")));
        log.log(bob, "assigned", targets(task), related(alice));
        log.log(bob, "closed", targets(project));
        log.unread(alice).markSeen();
    }

    @Test
    void theExportHoldsThePersonsActionsTrackersAndUnreadState() {
        JsonObject export = json(log.personalData().export(alice));

        assertThat(export.getJsonObject("person").getString("id"))
                .isEqualTo(alice.getId().toString());
        assertThat(export.getJsonArray("actions").getValuesAs(JsonObject.class))
                .extracting(action -> action.getString("verb") + " as " + action.getJsonArray("roles"))
                .containsExactly("commented as [\"actor\"]", "assigned as [\"related\"]");
        assertThat(export.getJsonArray("actions")
                        .getJsonObject(0)
                        .getJsonObject("data")
                        .getString("author"))
                .isEqualTo("Alice Liddell");
        assertThat(export.getJsonArray("trackers").getValuesAs(JsonObject.class))
                .singleElement()
                .satisfies(
                        tracker -> assertThat(tracker.getJsonObject("tracked").getString("id"))
                                .isEqualTo(project.getId().toString()));
        assertThat(export.getJsonArray("unread"))
                .as("her own comment and bob's closing")
                .hasSize(2);
        assertThat(export.getString("seenUntil")).isNotBlank();
    }

    @Test
    void erasureLeavesTheActionsToOthersWithoutAnythingThatNamesThePerson() {
        Action commented = everything(log.actions(project).all()).stream()
                .filter(action -> action.verb().equals("commented"))
                .findFirst()
                .orElseThrow();

        PersonalData.Erasure erasure = log.personalData().erase(alice);

        assertThat(erasure.trackers()).as("alice's tracker, and bob's of alice").isEqualTo(2);
        assertThat(erasure.unreadMarks()).isEqualTo(2);
        assertThat(erasure.actions()).isEqualTo(2);
        Action after = log.action(commented.id()).orElseThrow();
        assertThat(after.actor())
                .get()
                .isInstanceOfSatisfying(
                        DeletedItem.class,
                        item -> assertThat(item.description()).isEqualTo("someone who left"));
        assertThat(after.data()).containsOnlyKeys("text");
        assertThat(log.unread(bob).isUnread(after))
                .as("bob's unread state is his")
                .isTrue();
        assertThat(everything(log.actions(task).all()))
                .singleElement()
                .satisfies(assigned ->
                        assertThat(assigned.related()).singleElement().isInstanceOf(DeletedItem.class));
        assertNothingNames(alice.getId().toString(), "User#" + alice.getId());
        JsonObject export = json(log.personalData().export(alice));
        assertThat(export.getJsonArray("actions")).isEmpty();
        assertThat(export.getJsonArray("trackers")).isEmpty();
        assertThat(export.getJsonArray("unread")).isEmpty();
        assertThat(export.isNull("seenUntil")).isTrue();
    }

    @Test
    void erasingSomeoneRemovedEarlierReplacesTheDeletedItemThatKeptTheirSerialization() {
        String id = alice.getId().toString();
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, verb -> COMMENTS)) {
            User removed = transaction.entityManager().find(User.class, alice.getId());
            transaction.log().history().entityRemoved(removed);
            transaction.entityManager().remove(removed);
            transaction.commit();
        }
        assertThat(rows("actrack_deleted_item")).isEqualTo(1);

        PersonalData.Erasure erasure = log.personalData().erase(ObjectRef.of("User", id));

        assertThat(erasure.actions()).isEqualTo(2);
        assertThat(rows("actrack_deleted_item")).isEqualTo(1);
        assertNothingNames(id, "User#" + id);
        Object serialization = read(em -> em.createNativeQuery("SELECT serialization FROM actrack_deleted_item")
                .getSingleResult());
        assertThat(serialization).isEqualTo("{}");
    }

    @Test
    void anErasureRolledBackWithItsTransactionChangesNothing() {
        long before = storedRows();
        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, verb -> COMMENTS)) {
            transaction.log().personalData().erase(alice);
            transaction.rollback();
        }

        assertThat(storedRows()).isEqualTo(before);
        assertThat(json(log.personalData().export(alice)).getJsonArray("actions"))
                .hasSize(2);
    }

    @Test
    void erasingSomeoneActrackKnowsNothingOfChangesNothing() {
        User stranger = user("stranger");
        long before = storedRows();

        PersonalData.Erasure erasure = log.personalData().erase(stranger);

        assertThat(erasure)
                .isEqualTo(new PersonalData.Erasure(
                        ObjectRef.of("User", stranger.getId().toString()), 0, 0, 0));
        assertThat(storedRows()).isEqualTo(before);
        assertThatThrownBy(() -> log.personalData().erase(null)).isInstanceOf(ActrackException.class);
    }

    /** No column of actrack's tables holds the person's reference key, nor their id as an object id. */
    private void assertNothingNames(String id, String key) {
        for (String query : List.of(
                "SELECT COUNT(*) FROM actrack_action_ref WHERE ref_key = ?1 OR (ref_type = 'User' AND ref_id = ?2)",
                "SELECT COUNT(*) FROM actrack_action WHERE actor_type = 'User' AND actor_id = ?2 AND ?1 = ?1",
                "SELECT COUNT(*) FROM actrack_tracker WHERE owner_key = ?1 OR tracked_key = ?1 OR ?2 = ''",
                "SELECT COUNT(*) FROM actrack_unread WHERE owner_key = ?1 OR ?2 = ''",
                "SELECT COUNT(*) FROM actrack_tracker_owner WHERE owner_key = ?1 OR ?2 = ''",
                "SELECT COUNT(*) FROM actrack_deleted_item WHERE (entity_type = 'User' AND entity_id = ?2)"
                        + " OR ?1 = ''")) {
            long found = read(em -> ((Number) em.createNativeQuery(query)
                            .setParameter(1, key)
                            .setParameter(2, id)
                            .getSingleResult())
                    .longValue());
            assertThat(found).as(query).isZero();
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
