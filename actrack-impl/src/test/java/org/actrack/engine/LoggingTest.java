/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.at;
import static org.actrack.Options.data;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.Level;
import org.actrack.ObjectRef;
import org.actrack.engine.fixtures.Badge;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Station;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** Spec §12 creation scenarios and the §0 decisions about what a logged action stores. */
class LoggingTest extends ActrackContractTest {

    @Test
    void loggedActionKeepsActorVerbAndRelatedObjects() {
        User user = user("user0");
        Project project = project("project");

        log.log(user, "tests", related(project));

        List<Action> actions = everything(log.actions(user).all());
        assertThat(actions).hasSize(1);
        Action action = actions.get(0);
        assertThat(action.verb()).isEqualTo("tests");
        assertThat(action.actor()).containsInstanceOf(User.class);
        assertThat(((User) action.actor().orElseThrow()).getId()).isEqualTo(user.getId());
        assertThat(action.relatedRefs())
                .containsExactly(ObjectRef.of("Project", project.getId().toString()));
        assertThat(action.related())
                .singleElement()
                .extracting(p -> ((Project) p).getName())
                .isEqualTo("project");
        assertThat(action.targets()).isEmpty();
    }

    @Test
    void dataIsStoredAsJsonAndReadBack() {
        User user = user("user0");
        Project project = project("project");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", List.of(1, 2));
        nested.put("text", "x");

        log.log(user, "tests", targets(project), data("my_data", 0), data("nested", nested), data("nothing", null));

        Map<String, Object> data =
                everything(log.actions(project).asTarget()).get(0).data();
        assertThat(data.get("my_data")).isEqualTo(BigDecimal.ZERO);
        assertThat(data).containsEntry("nothing", null);
        assertThat(data.get("nested"))
                .isInstanceOfSatisfying(
                        Map.class,
                        map -> assertThat(map).containsEntry("text", "x").containsKey("list"));
    }

    @Test
    void storedActionIsFoundByItsId() {
        User user = user("user0");
        log.log(user, "found");
        Action listed = everything(log.actions(user).all()).get(0);

        assertThat(log.action(listed.id()))
                .contains(listed)
                .get()
                .extracting(Action::verb)
                .isEqualTo("found");
        assertThat(log.action(listed.id() + 1000)).isEmpty();
    }

    @Test
    void timestampIsTheClocksTimeUnlessGiven() {
        User user = user("user0");
        Instant expected = clock.peek();
        log.log(user, "first");
        Instant given = Instant.parse("2025-03-01T12:30:00.123456Z");
        log.log(user, "second", at(given));

        List<Action> actions = everything(log.actions(user).asActor());
        assertThat(actions).extracting(Action::verb).containsExactly("first", "second");
        assertThat(actions.get(0).timestamp()).isEqualTo(expected);
        assertThat(actions.get(1).timestamp()).isEqualTo(given);
    }

    @Test
    void timestampsKeepMicrosecondsInUtc() {
        User user = user("user0");
        Instant precise = Instant.parse("2026-06-30T23:59:59.999999Z");
        log.log(user, "precise", at(precise.plusNanos(999)));

        assertThat(everything(log.actions(user).all()).get(0).timestamp()).isEqualTo(precise);
    }

    @Test
    void levelDefaultsToTheDefaultLevelAndAcceptsNamesAndValues() {
        User user = user("user0");
        log.log(user, "plain");
        log.log(user, "named", level("warning"));
        log.log(user, "valued", level(Level.ERROR));
        log.log(user, "custom", level(35));

        assertThat(everything(log.actions(user).all()))
                .extracting(Action::verb, Action::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("custom", 35),
                        org.assertj.core.groups.Tuple.tuple("valued", 50),
                        org.assertj.core.groups.Tuple.tuple("named", 40),
                        org.assertj.core.groups.Tuple.tuple("plain", 30));
    }

    @Test
    void idsFollowLoggingOrder() {
        User user = user("user0");
        clock.tick(java.time.Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            log.log(user, "step" + i);
        }
        List<Action> newestFirst = everything(log.actions(user).all());
        assertThat(newestFirst).extracting(Action::verb).containsExactly("step4", "step3", "step2", "step1", "step0");
        assertThat(newestFirst).extracting(Action::id).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void actionWithoutActorIsStoredAndFoundThroughItsTargets() {
        Project project = project("project");
        log.log(null, "was archived", targets(project));

        Action action = everything(log.actions(project).asTarget()).get(0);
        assertThat(action.actorRef()).isEmpty();
        assertThat(action.actor()).isEmpty();
        assertThat(action.targets()).hasSize(1);
    }

    @Test
    void targetsAcceptCollectionsAndArraysAndStoreEachObjectOnce() {
        User user = user("user0");
        Project project = project("p");
        Task one = task("t1", project);
        Task two = task("t2", project);

        log.log(user, "touched", targets(List.of(one, two), new Object[] {one}, project), related(project, project));

        Action action = everything(log.actions(user).all()).get(0);
        assertThat(action.targetRefs())
                .extracting(ObjectRef::key)
                .containsExactly("Task#" + one.getId(), "Task#" + two.getId(), "Project#" + project.getId());
        assertThat(action.relatedRefs()).hasSize(1);
        assertThat(action.targets()).extracting(Object::toString).containsExactly("t1", "t2", "p");
    }

    @Test
    void textAndUuidIdsRoundTrip() {
        User user = user("user0");
        Station station = persist(new Station("PAR-NORD"));
        Badge badge = persist(new Badge());

        log.log(user, "visited", targets(station), related(badge));

        Action action = everything(log.actions(station).asTarget()).get(0);
        assertThat(action.targets())
                .singleElement()
                .extracting(s -> ((Station) s).getCode())
                .isEqualTo("PAR-NORD");
        assertThat(action.related())
                .singleElement()
                .extracting(b -> ((Badge) b).getId())
                .isEqualTo(badge.getId());
        assertThat(everything(log.actions(badge).asRelated())).containsExactly(action);
    }

    @Test
    void anIdOfExactlyTheMaximumLengthIsAccepted() {
        User user = user("user0");
        Station station = persist(new Station("x".repeat(64)));

        log.log(user, "visited", targets(station));

        assertThat(log.actions(station).asTarget().count()).isEqualTo(1);
    }

    @Test
    void referencesToEntitiesThatNoLongerExistAreKeptButNotResolved() {
        User user = user("user0");
        Project project = project("gone");
        log.log(user, "created", targets(project));
        inTransaction(em -> em.remove(em.find(Project.class, project.getId())));

        Action action = everything(log.actions(user).all()).get(0);
        assertThat(action.targetRefs())
                .containsExactly(ObjectRef.of("Project", project.getId().toString()));
        assertThat(action.targets()).isEmpty();
    }

    @Test
    void logJoinsTheCallersTransactionAndCommitsWithIt() {
        User user = user("user0");
        EntityManager em = database.factory().createEntityManager();
        ActionLog shared = Actrack.builder()
                .entityManagerSource(org.actrack.spi.EntityManagerSource.sharing(em))
                .clock(clock)
                .build();
        try {
            em.getTransaction().begin();
            Project created = new Project("made in the same transaction");
            em.persist(created);
            shared.log(em.merge(user), "created", targets(created));
            assertThat(rows("actrack_action")).as("not visible before commit").isZero();
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        assertThat(rows("actrack_action")).isEqualTo(1);
    }

    @Test
    void logInATransactionThatRollsBackStoresNothing() {
        User user = user("user0");
        EntityManager em = database.factory().createEntityManager();
        ActionLog shared = Actrack.builder()
                .entityManagerSource(org.actrack.spi.EntityManagerSource.sharing(em))
                .clock(clock)
                .build();
        try {
            em.getTransaction().begin();
            shared.log(em.merge(user), "created");
            shared.track(em.merge(user), em.merge(user));
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        assertThat(storedRows()).isZero();
    }
}
