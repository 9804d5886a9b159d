/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.data;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.LogRequest;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Note;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.model.OutboxEntity;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox ({@code actrack.outbox=true}): one CloudEvent row per stored action and per update by grouping, in the
 * transaction that stores it, and none for what does not commit.
 */
class OutboxTest extends ActrackContractTest {

    private User alice;
    private Project project;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder()
                .outbox(true)
                .outboxSource("https://shop.example/actrack")
                .groupingDelaySeconds(60)
                .build();
    }

    @BeforeEach
    void aliceAndAProject() {
        alice = user("alice");
        project = project("project");
    }

    @Test
    void aStoredActionWritesOneCloudEventWithTheActionAsData() {
        Task task = task("task", project);

        log.log(alice, "created", targets(task), related(project), data("priority", 2));

        Action action = log.actions(task).all().list(1).get(0);
        List<OutboxEntity> events = events();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getId()).isEqualTo("actrack-action-" + action.id());
            assertThat(event.getType()).isEqualTo("org.actrack.action.logged");
            assertThat(event.getAggregateId()).isEqualTo("Task#" + task.getId());
        });
        JsonObject cloudEvent = json(events.get(0).getPayload());
        assertThat(cloudEvent.getString("specversion")).isEqualTo("1.0");
        assertThat(cloudEvent.getString("id")).isEqualTo("actrack-action-" + action.id());
        assertThat(cloudEvent.getString("source")).isEqualTo("https://shop.example/actrack");
        assertThat(cloudEvent.getString("type")).isEqualTo("org.actrack.action.logged");
        assertThat(cloudEvent.getString("subject")).isEqualTo("Task#" + task.getId());
        assertThat(cloudEvent.getString("time")).isEqualTo(action.timestamp().toString());
        assertThat(cloudEvent.getString("datacontenttype")).isEqualTo("application/json");
        JsonObject data = cloudEvent.getJsonObject("data");
        assertThat(data.getJsonNumber("id").longValue()).isEqualTo(action.id());
        assertThat(data.getString("verb")).isEqualTo("created");
        assertThat(data.getInt("level")).isEqualTo(action.level());
        assertThat(data.getString("published")).isEqualTo(action.timestamp().toString());
        assertThat(data.getJsonObject("actor").getString("type")).isEqualTo("User");
        assertThat(data.getJsonObject("actor").getString("id"))
                .isEqualTo(alice.getId().toString());
        assertThat(data.getJsonArray("targets").getJsonObject(0).getString("id"))
                .isEqualTo(task.getId().toString());
        assertThat(data.getJsonArray("related").getJsonObject(0).getString("type"))
                .isEqualTo("Project");
        assertThat(data.getJsonObject("data").getInt("priority")).isEqualTo(2);
    }

    @Test
    void textsAreEscapedInTheEvent() {
        String verb = "said \"hi\" \\ then\tleft";

        log.log(alice, verb, targets(project), data("note", "a \"quoted\"\nline"));

        JsonObject cloudEvent = json(events().get(0).getPayload());
        assertThat(cloudEvent.getJsonObject("data").getString("verb")).isEqualTo(verb);
        assertThat(cloudEvent.getJsonObject("data").getJsonObject("data").getString("note"))
                .isEqualTo("a \"quoted\"\nline");
    }

    @Test
    void groupingIntoAStoredActionWritesAnUpdateEventWithTheGroupedAction() {
        log.log(alice, "created", targets(task("one", project)), related(project));
        clock.advance(java.time.Duration.ofSeconds(10));
        log.log(alice, "created", targets(task("two", project)), related(project));

        assertThat(rows("actrack_action")).isEqualTo(1);
        List<OutboxEntity> events = events();
        assertThat(events)
                .extracting(OutboxEntity::getType)
                .containsExactlyInAnyOrder("org.actrack.action.logged", "org.actrack.action.updated");
        OutboxEntity update = events.stream()
                .filter(event -> event.getType().endsWith("updated"))
                .findFirst()
                .orElseThrow();
        Action grouped = log.actions(project).asRelated().list(1).get(0);
        assertThat(update.getId()).startsWith("actrack-action-" + grouped.id() + "-");
        assertThat(json(update.getPayload()).getJsonObject("data").getJsonArray("targets"))
                .hasSize(2);
    }

    @Test
    void aTransactionThatRollsBackLeavesNoEventAndOneThatCommitsOnePerAction() {
        try (Transaction rolledBack = transaction()) {
            rolledBack.log().log(alice, "created", targets(project));
            rolledBack.rollback();
        }
        assertThat(rows("actrack_outbox")).isZero();

        try (Transaction committed = transaction()) {
            committed.log().log(alice, "created", targets(project), org.actrack.Options.noGrouping());
            committed.log().log(alice, "closed", targets(project), org.actrack.Options.noGrouping());
            committed.commit();
        }
        assertThat(rows("actrack_action")).isEqualTo(2);
        assertThat(events()).extracting(OutboxEntity::getType).containsOnly("org.actrack.action.logged");
        assertThat(rows("actrack_outbox")).isEqualTo(2);
    }

    @Test
    void actionsMergedInOneTransactionHaveOneEventWithWhatTheyBecame() {
        try (Transaction transaction = transaction()) {
            transaction.log().log(alice, "created", targets(task("one", project)), related(project));
            transaction.log().log(alice, "created", targets(task("two", project)), related(project));
            transaction.commit();
        }

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.getType()).isEqualTo("org.actrack.action.logged");
            assertThat(json(event.getPayload()).getJsonObject("data").getJsonArray("targets"))
                    .hasSize(2);
        });
    }

    @Test
    void anActionThatGoesWithItsRemovedObjectInTheSameTransactionTakesItsEventWithIt() {
        Note note = persist(new Note("note"));

        try (Transaction transaction = transaction()) {
            transaction.log().log(alice, "wrote", targets(note), org.actrack.Options.noGrouping());
            transaction.log().log(alice, "closed", targets(project), org.actrack.Options.noGrouping());
            transaction.log().history().entityRemoved(note);
            transaction.commit();
        }

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(events())
                .singleElement()
                .satisfies(event -> assertThat(event.getPayload()).contains("\"verb\":\"closed\""));
    }

    @Test
    void aBulkCallWritesTheEventsOfItsActionsWithThem() {
        log.logAll(List.of(
                LogRequest.of(alice, "created", targets(project), org.actrack.Options.noGrouping()),
                LogRequest.of(alice, "closed", targets(project), org.actrack.Options.noGrouping())));

        assertThat(events()).hasSize(2);
        assertThat(events())
                .extracting(OutboxEntity::getId)
                .containsExactlyInAnyOrderElementsOf(log.actions(project).all().list(2).stream()
                        .map(action -> "actrack-action-" + action.id())
                        .toList());
    }

    @Test
    void aBulkCallOfMoreActionsThanOneInsertTakesWritesEachEventOnceWithItsOwnAction() {
        List<LogRequest> requests = new ArrayList<>();
        for (int i = 0; i < 2 * org.actrack.engine.write.OutboxEvents.ROWS_PER_INSERT + 3; i++) {
            requests.add(LogRequest.of(alice, "step " + i, targets(project), org.actrack.Options.noGrouping()));
        }

        log.logAll(requests);

        List<Action> stored = everything(log.actions(project).all());
        assertThat(stored).hasSize(requests.size());
        assertThat(events()).hasSize(requests.size()).allSatisfy(event -> {
            JsonObject data = json(event.getPayload()).getJsonObject("data");
            assertThat(event.getId())
                    .isEqualTo("actrack-action-" + data.getJsonNumber("id").longValue());
            Action action = stored.stream()
                    .filter(one -> one.id() == data.getJsonNumber("id").longValue())
                    .findFirst()
                    .orElseThrow();
            assertThat(data.getString("verb")).isEqualTo(action.verb());
            assertThat(event.getAggregateId()).isEqualTo("Project#" + project.getId());
        });
    }

    @Test
    void anActionLoggedWithAForeignIdHasOneEventNamedAfterIt() {
        log.log(alice, "paid", targets(project), org.actrack.Options.foreignId("payment-7"));
        log.log(alice, "paid", targets(project), org.actrack.Options.foreignId("payment-7"));

        assertThat(events()).singleElement().satisfies(event -> {
            assertThat(event.getId()).isEqualTo("actrack-foreign-payment-7");
            assertThat(json(event.getPayload()).getString("id")).isEqualTo("actrack-foreign-payment-7");
            assertThat(json(event.getPayload()).getJsonObject("data").getString("foreignId"))
                    .isEqualTo("payment-7");
        });
    }

    @Test
    void anActionWhoseEventWouldNotFitIsRefusedBeforeAnythingIsWritten() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(task("task with a name " + i, project));
        }

        assertThatThrownBy(() -> log.log(alice, "created", targets(many), data("text", "x".repeat(7000))))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EVENT_TOO_LONG))
                .hasMessageContaining("at most 15000");
        assertThat(rows("actrack_action") + rows("actrack_outbox")).isZero();
    }

    @Test
    void anActionWithManyObjectsWhoseEventStillFitsIsStoredWithItsEvent() {
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(task("task " + i, project));
        }

        log.log(alice, "created", targets(many));

        assertThat(events())
                .singleElement()
                .satisfies(event -> assertThat(
                                json(event.getPayload()).getJsonObject("data").getJsonArray("targets"))
                        .hasSize(300));
    }

    private List<OutboxEntity> events() {
        return read(em -> em.createQuery("SELECT e FROM ActrackOutbox e ORDER BY e.createdAt, e.id", OutboxEntity.class)
                .getResultList());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private Transaction transaction() {
        return new Transaction(database.factory(), settings(), clock, Handlers.lookup());
    }
}
