/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.data;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.since;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.Options;
import org.actrack.engine.fixtures.Membership;
import org.actrack.engine.fixtures.NotAnEntity;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Station;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Integration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets an exception that names the problem, and nothing is written. */
class BadInputTest extends ActrackContractTest {

    private User user;
    private Project project;

    @BeforeEach
    void createObjects() {
        user = user("alice");
        project = project("apollo");
    }

    @Test
    void nullVerbIsRefused() {
        assertRefused(() -> log.log(user, null, targets(project)), "ACTRACK-101", "verb is null");
    }

    @Test
    void blankVerbIsRefused() {
        assertRefused(() -> log.log(user, "  ", targets(project)), "ACTRACK-101", "blank");
    }

    @Test
    void verbLongerThanTheColumnIsRefused() {
        assertRefused(() -> log.log(user, "v".repeat(256)), "ACTRACK-102", "256 characters", "at most 255");
    }

    @Test
    void actorThatIsNotAnEntityIsRefused() {
        assertRefused(
                () -> log.log(new NotAnEntity(), "acted"),
                "ACTRACK-103",
                "actor 'plain object'",
                NotAnEntity.class.getName(),
                "not an entity");
    }

    @Test
    void targetThatIsNotAnEntityIsRefusedEvenAfterValidTargets() {
        assertRefused(
                () -> log.log(user, "created", targets(project, "a string")),
                "ACTRACK-103",
                "target 'a string'",
                "java.lang.String");
    }

    @Test
    void nullRelatedObjectIsRefused() {
        assertRefused(() -> log.log(user, "created", related(project, null)), "ACTRACK-108", "related object is null");
    }

    @Test
    void unsavedActorIsRefused() {
        assertRefused(
                () -> log.log(new User("not persisted"), "acted"), "ACTRACK-104", "actor 'not persisted'", "no id yet");
    }

    @Test
    void idLongerThanTheConfiguredMaximumIsRefused() {
        Station station = persist(new Station("s".repeat(65)));
        assertRefused(
                () -> log.log(user, "visited", targets(station)),
                "ACTRACK-105",
                "65 characters",
                "at most 64",
                "actrack.id-max-length");
    }

    @Test
    void compositeIdIsRefused() {
        Membership membership = persist(new Membership(1, 2));
        assertRefused(() -> log.log(user, "joined", targets(membership)), "ACTRACK-106", "composite id");
    }

    @Test
    void unknownLevelNameIsRefused() {
        assertRefused(() -> log.log(user, "acted", level("LOUD")), "ACTRACK-001", "Unknown level 'LOUD'", "INFO(30)");
    }

    @Test
    void dataJsonCannotWriteIsRefusedNamingTheEntry() {
        assertRefused(
                () -> log.log(user, "acted", data("fine", 1), data("broken", new Unwritable())),
                "ACTRACK-109",
                "'broken'",
                Unwritable.class.getName());
    }

    @Test
    void dataLongerThanTheColumnIsRefused() {
        assertRefused(() -> log.log(user, "wrote", data("text", "x".repeat(8000))), "ACTRACK-122", "at most 8000");
    }

    @Test
    void groupingDelayBelowMinusOneIsRefused() {
        assertRefused(() -> log.log(user, "acted", groupingDelay(-2)), "ACTRACK-116", "-2");
    }

    @Test
    void unknownPersistenceUnitIsRefused() {
        assertRefused(() -> log.log(user, "acted", Options.using("elsewhere")), "ACTRACK-120", "'elsewhere'");
    }

    @Test
    void nullUserCannotTrack() {
        assertRefused(() -> log.track(null, project), "ACTRACK-110", "user is null");
    }

    @Test
    void nullUserCannotUntrack() {
        log.track(user, project);
        long before = storedRows();
        assertThatThrownBy(() -> log.untrack(null, project))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-110");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void wholeTypeTrackerForAClassThatIsNotAnEntityIsRefused() {
        assertRefused(
                () -> log.track(user, List.of(Project.class, NotAnEntity.class)),
                "ACTRACK-112",
                NotAnEntity.class.getName(),
                "not an entity class");
    }

    @Test
    void trackingSomethingThatIsNotAnEntityIsRefused() {
        assertRefused(() -> log.track(user, List.of(project, "apollo")), "ACTRACK-121", "'apollo'");
    }

    @Test
    void blankTrackedVerbIsRefused() {
        assertRefused(() -> log.track(user, project, verbs("created", " ")), "ACTRACK-118", "blank");
    }

    @Test
    void untrackRefusesOptionsThatOnlyMakeSenseForTracking() {
        log.track(user, project);
        long before = storedRows();
        assertThatThrownBy(() -> log.untrack(user, project, actorOnly(false)))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-117")
                .hasMessageContaining("actorOnly");
        assertThatThrownBy(() -> log.untrack(user, project, since(Instant.now())))
                .hasMessageContaining("since");
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void queriesOnObjectsThatAreNotEntitiesAreRefused() {
        assertThatThrownBy(() -> log.actions(new NotAnEntity())).hasMessageContaining("ACTRACK-103");
        assertThatThrownBy(() -> log.trackers("text")).hasMessageContaining("ACTRACK-103");
        assertThatThrownBy(() -> log.streams().model(NotAnEntity.class)).hasMessageContaining("ACTRACK-112");
    }

    @Test
    void cursorNotMadeByActrackIsRefused() {
        assertThatThrownBy(() -> log.actions(user).all().after("not-a-cursor").page(10))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-114")
                .hasMessageContaining("not-a-cursor");
    }

    @Test
    void countLimitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> log.actions(user).all().countUpTo(0))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-128")
                .hasMessageContaining("count limit 0")
                .hasMessageContaining("1 to 100000");
        assertThatThrownBy(() -> log.actions(user).all().countUpTo(100_001)).hasMessageContaining("ACTRACK-128");
        assertThatThrownBy(() -> log.actions(user).all().stream(0)).hasMessageContaining("ACTRACK-115");
    }

    @Test
    void pageSizeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> log.actions(user).all().page(0))
                .hasMessageContaining("ACTRACK-115")
                .hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> log.actions(user).all().page(1001)).hasMessageContaining("ACTRACK-115");
    }

    @Test
    void aNegativeLevelIsRefused() {
        assertRefused(() -> log.log(user, "acted", level(-5)), "ACTRACK-123", "level -5", "0 to 32767");
    }

    @Test
    void aLevelAboveTheStoredRangeIsRefused() {
        assertRefused(() -> log.log(user, "acted", level(40_000)), "ACTRACK-123", "level 40000");
    }

    @Test
    void aDataEntryWithoutKeyIsRefused() {
        assertRefused(() -> log.log(user, "acted", data(null, 1)), "ACTRACK-124", "null key", "value is 1");
        assertRefused(
                () -> log.log(user, "acted", data(java.util.Collections.singletonMap(null, "x"))),
                "ACTRACK-124",
                "value is x");
    }

    @Test
    void unreadStateOfANullUserIsRefused() {
        assertRefused(() -> log.unread(null), "ACTRACK-110", "user is null");
    }

    @Test
    void unreadStateOfAnObjectOfAnotherTypeThanTheUserTypeIsRefusedAtEachCall() {
        ActionLog usersOnly = createLog(
                database.factory(), ActrackSettings.builder().userType("User").build(), clock);
        Project project = project("p");
        assertRefused(() -> usersOnly.unread(project).count(), "ACTRACK-111", "only User entities may own trackers");
    }

    @Test
    void unwrappingAsATypeOtherThanTheIntegrationIsRefusedNamingBoth() {
        assertThat(log.unwrap(Integration.class).handler("anything")).isNotNull();
        assertThatThrownBy(() -> log.unwrap(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining(Integration.class.getName());
    }

    @Test
    void pruningBeforeANullTimeIsRefused() {
        assertRefused(() -> log.history().prune(null), "ACTRACK-125", "time to prune before is null");
    }

    @Test
    void aNullTimestampIsRefused() {
        assertRefused(() -> log.log(user, "acted", Options.at(null)), "ACTRACK-125", "timestamp is null");
    }

    @Test
    void theFeedOfANullUserNamesTheUser() {
        assertRefused(() -> log.streams().user(null, true), "ACTRACK-110", "user is null");
    }

    @Test
    void theActionsOfANullObjectNameTheUserOfAFeedToo() {
        assertRefused(
                () -> log.actions(null).feed(),
                "ACTRACK-108",
                "The object passed to actions(…)",
                "the user whose feed",
                "is null");
        assertRefused(() -> log.trackers(null).owned(), "ACTRACK-108", "The object passed to trackers(…)", "is null");
    }

    @Test
    void oneBadRequestInLogAllWritesNothing() {
        assertRefused(
                () -> log.logAll(List.of(
                        org.actrack.LogRequest.of(user, "fine", targets(project)),
                        org.actrack.LogRequest.of(user, "broken", targets(new NotAnEntity())))),
                "ACTRACK-103",
                "target");
        assertRefused(() -> log.logAll(List.of()), "ACTRACK-126", "empty");
    }

    @Test
    void aTooLongIdInABulkRemovalWritesNothing() {
        log.log(user, "created", targets(project));
        long before = storedRows();

        assertThatThrownBy(() -> log.history().entitiesRemoved(Project.class, List.of(project.getId(), "x".repeat(65))))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code().text()).isEqualTo("ACTRACK-105"));
        assertThat(storedRows()).isEqualTo(before);
        assertThat(log.actions(project).all().list(1).get(0).targets())
                .singleElement()
                .isInstanceOf(Project.class);
    }

    @Test
    void trackingAnEntityThatWasRemovedIsRefused() {
        Project removed = project("gone");
        inTransaction(em -> em.remove(em.find(Project.class, removed.getId())));

        assertRefused(() -> log.track(user, removed), "ACTRACK-127", "tracked object 'gone'", "not stored");
    }

    private void assertRefused(ThrowingCallable call, String code, String... fragments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ActrackException.class, e -> {
            assertThat(e.code().text()).isEqualTo(code);
            assertThat(e.getMessage()).contains(fragments);
        });
        assertThat(storedRows()).as("rows written").isZero();
    }

    /** A value whose getter fails, so JSON-B cannot write it. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot read");
        }
    }
}
