/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.at;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.actrack.Action;
import org.actrack.Level;
import org.actrack.LogRequest;
import org.actrack.Options;
import org.actrack.RenderContext;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §12 scenarios 29–37 (unread.py) and P7, P8, under §0.4 (unread is kept when actions are written)
 * and §0.6 (return values mean what their names say).
 */
class UnreadTest extends ActrackContractTest {

    private User u0;
    private User u1;
    private Project project;

    @BeforeEach
    void fixture() {
        u0 = user("u0");
        u1 = user("u1");
        project = project("project");
    }

    private List<Action> u0FollowsU1WhoCreatesAndValidates() {
        log.track(u0, u1);
        log.log(u1, "created", targets(project));
        log.log(u1, "validated", targets(project));
        return log.actions(u0).feed().list(10);
    }

    @Test
    void anActionWithoutActorOrObjectsIsStoredAndUnreadForNobody() {
        log.track(u0, User.class, actorOnly(false));

        log.log(null, "maintenance window");
        log.logAll(List.of(LogRequest.of(null, "maintenance over")));

        assertThat(rows("actrack_action")).isEqualTo(2);
        assertThat(rows("actrack_unread")).isZero();
    }

    @Test
    void anActionWithoutActorOrObjectsLeavesTheCallersTransactionUsable() {
        log.track(u0, User.class, actorOnly(false));

        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            transaction.log().log(u1, "created", targets(project));
            transaction.log().log(null, "maintenance window", Options.groupingDelay(60));
            transaction.log().log(null, "maintenance window", Options.groupingDelay(60));
            transaction.entityManager().persist(new Project("made in the same transaction"));
            transaction.commit();
        }
        log.log(null, "maintenance window", Options.groupingDelay(60));

        assertThat(everything(log.streams().any(project)))
                .extracting(Action::verb)
                .containsExactly("created");
        assertThat(rows("actrack_action"))
                .as("u1's action and one grouped maintenance window")
                .isEqualTo(2);
        assertThat(rows("fixture_project")).isEqualTo(2);
        assertThat(log.unread(u0).count()).isEqualTo(1);
    }

    @Test
    void aTransactionsActionsAreUnreadOnceItCommitsWithOneTrackerReadForAllOfThem() {
        log.track(u0, project, actorOnly(false));
        Project unfollowed = project("unfollowed");
        database.statements().reset();

        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            for (int i = 0; i < 10; i++) {
                transaction.log().log(u1, "edited " + i, targets(i % 2 == 0 ? project : unfollowed));
            }
            transaction.commit();
        }

        assertThat(log.unread(u0).count()).isEqualTo(5);
        // The five INSERT … SELECT statements go as one JDBC batch on the transaction's connection; MariaDB's driver
        // takes no INSERT … SELECT in a batch, so there they are sent one by one.
        assertThat(database.statements().statements())
                .filteredOn(sql -> sql.startsWith("INSERT INTO actrack_unread"))
                .as("one statement per followed action, none for the others, batched where the driver can")
                .hasSize(database.kind().equals("mariadb") ? 5 : 1);
    }

    @Test
    void withinItsTransactionActrackSeesTheUnreadMarksOfActionsLoggedBefore() {
        log.track(u0, project, actorOnly(false));

        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            transaction.log().log(u1, "created", targets(project));
            transaction.log().log(u1, "validated", targets(project));
            assertThat(transaction.log().unread(u0).count()).isEqualTo(2);
            transaction.log().log(u1, "closed", targets(project));
            assertThat(transaction.log().unread(u0).markAllRead()).isEqualTo(3);
            transaction.log().log(u1, "reopened", targets(project));
            transaction.commit();
        }

        assertThat(everything(log.actions(u0).feed().unreadFor(u0)))
                .extracting(Action::verb)
                .containsExactly("reopened");
    }

    @Test
    void withinItsTransactionFeedsStreamsAndCountsSeeTheActionsLoggedBefore() {
        log.track(u0, project, actorOnly(false));
        log.log(u1, "created", targets(project));

        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            transaction.log().log(u1, "validated", targets(project));
            transaction.log().log(u1, "closed", targets(project));
            // Reads in the caller's transaction run on its connection: another would not see its rows.
            assertThat(transaction.log().actions(u0).feed().page(10).actions())
                    .extracting(Action::verb)
                    .containsExactly("closed", "validated", "created");
            assertThat(transaction.log().actions(project).asTarget().page(10).actions())
                    .hasSize(3);
            assertThat(transaction.log().actions(u0).feed().count()).isEqualTo(3);
            assertThat(transaction
                            .log()
                            .actions(u0)
                            .feed()
                            .unreadFor(u0)
                            .page(10)
                            .actions())
                    .hasSize(3);
            transaction.rollback();
        }

        assertThat(everything(log.actions(u0).feed())).extracting(Action::verb).containsExactly("created");
    }

    @Test
    void aTransactionThatRollsBackLeavesNoUnreadMark() {
        log.track(u0, project, actorOnly(false));

        try (Transaction transaction = new Transaction(database.factory(), settings(), clock, Handlers.lookup())) {
            transaction.log().log(u1, "created", targets(project));
            transaction.rollback();
        }

        assertThat(log.unread(u0).count()).isZero();
        assertThat(rows("actrack_unread")).isZero();
    }

    @Test
    void newestFeedActionIsUnreadForTheFollowerOnly() {
        List<Action> feed = u0FollowsU1WhoCreatesAndValidates();

        assertThat(log.unread(u0).isUnread(feed.get(0))).isTrue();
        assertThat(log.unread(u1).isUnread(feed.get(0))).isFalse();
    }

    @Test
    void markingReadMakesItReadAndSaysItWasUnreadOnce() {
        Action newest = u0FollowsU1WhoCreatesAndValidates().get(0);

        assertThat(log.unread(u0).markRead(newest)).isTrue();
        assertThat(log.unread(u0).isUnread(newest)).isFalse();
        assertThat(log.unread(u0).markRead(newest))
                .as("it was no longer unread")
                .isFalse();
    }

    @Test
    void renderingForAUserMarksRead() {
        Action newest = u0FollowsU1WhoCreatesAndValidates().get(0);

        log.render(newest, u0);

        assertThat(log.unread(u0).isUnread(newest)).isFalse();
    }

    @Test
    void bulkFlagsFollowTheOrderOfTheActions() {
        List<Action> feed = u0FollowsU1WhoCreatesAndValidates();
        log.unread(u0).markRead(feed.get(0));

        assertThat(log.unread(u0).areUnread(feed)).containsExactly(false, true);
    }

    @Test
    void bulkMarkReadReturnsWhichWereUnread() {
        List<Action> feed = u0FollowsU1WhoCreatesAndValidates();
        log.unread(u0).markRead(feed.get(1));

        assertThat(log.unread(u0).markRead(feed, false)).containsExactly(true, false);
        assertThat(log.unread(u0).areUnread(feed)).containsExactly(false, false);
    }

    @Test
    void bulkRenderMarksAllRead() {
        List<Action> feed = u0FollowsU1WhoCreatesAndValidates();

        List<String> texts = log.renderAll(feed, RenderContext.forUser(u0));

        assertThat(texts).hasSize(2);
        assertThat(log.unread(u0).areUnread(feed)).containsExactly(false, false);
        assertThat(log.unread(u0).count()).isZero();
    }

    @Test
    void actionMatchedByTwoTrackersOfOneUserIsUnreadOnce() {
        Task task = task("task", project);
        log.track(u1, List.of(project, task), actorOnly(false));
        log.log(u0, "created", targets(task), related(project));
        Action action = log.actions(u1).feed().list(1).get(0);

        assertThat(log.unread(u1).count()).isEqualTo(1);
        assertThat(log.unread(u1).markRead(action)).isTrue();
        assertThat(log.unread(u1).isUnread(action)).isFalse();
        assertThat(log.trackedBy(log.temporaryTracker(u1, task, actorOnly(false)))
                        .count())
                .isEqualTo(1);
        assertThat(log.actions(u1).feed().count()).isEqualTo(1);
        assertThat(log.unread(u1).isUnread(action))
                .as("reading again never makes it unread again")
                .isFalse();
    }

    @Test
    void actionIsUnreadAsSoonAsItIsLoggedWithoutReadingAnyFeed() {
        log.track(u0, u1);
        log.log(u1, "created");

        assertThat(log.unread(u0).count()).isEqualTo(1);
    }

    @Test
    void readingFeedsAndCountsNeverWrites() {
        u0FollowsU1WhoCreatesAndValidates();
        database.statements().reset();

        log.actions(u0).feed().list(10);
        log.actions(u0).feed().count();
        log.unread(u0).count();
        log.unread(u0).areUnread(log.actions(u0).feed().list(10));
        log.actions(u0).feed().unreadFor(u0).list(10);

        assertThat(database.statements().statements())
                .allSatisfy(sql -> assertThat(sql.stripLeading().toUpperCase())
                        .doesNotStartWith("INSERT")
                        .doesNotStartWith("UPDATE")
                        .doesNotStartWith("DELETE"));
    }

    @Test
    void actionsLoggedBeforeTheTrackerAreInTheFeedButNotUnread() {
        log.log(u1, "early");
        clock.advance(Duration.ofSeconds(1));
        log.track(u0, u1);
        log.log(u1, "late");

        assertThat(log.actions(u0).feed().list(10)).extracting(Action::verb).containsExactly("late", "early");
        assertThat(log.actions(u0).feed().unreadFor(u0).list(10))
                .extracting(Action::verb)
                .containsExactly("late");
    }

    @Test
    void actionsBelowTheReadableLevelNeverBecomeUnread() {
        log.track(u0, u1);
        log.log(u1, "hidden", level(Level.HIDDEN));

        assertThat(log.unread(u0).count()).isZero();
        Action hidden = log.actions(u1).asActor().list(1).get(0);
        assertThat(log.unread(u0).areUnread(List.of(hidden))).containsExactly(false);
    }

    @Test
    void trackerVerbsAndActorOnlyDecideWhatBecomesUnread() {
        log.track(u0, project, verbs("closed"), actorOnly(false));
        log.log(u1, "opened", targets(project));
        log.log(u1, "closed", targets(project));
        log.track(u1, project);
        log.log(u0, "commented", targets(project));

        assertThat(log.actions(u0).feed().unreadFor(u0).list(10))
                .extracting(Action::verb)
                .containsExactly("closed");
        assertThat(log.unread(u1).count())
                .as("actor-only tracker of a project that never acts")
                .isZero();
    }

    @Test
    void wholeTypeTrackersMakeActionsUnreadToo() {
        log.track(u0, Project.class, actorOnly(false));
        log.log(u1, "created", targets(project));

        assertThat(log.actions(u0).feed().count()).isEqualTo(1);
        assertThat(log.trackedBy(log.trackers(u0).owned().list().get(0)).count())
                .isEqualTo(1);
        assertThat(log.unread(u0).count()).isEqualTo(1);
    }

    @Test
    void markAllReadClearsTheUnreadCount() {
        log.track(u0, u1);
        for (int i = 0; i < 5; i++) {
            log.log(u1, "step" + i);
        }

        assertThat(log.unread(u0).count()).isEqualTo(5);
        assertThat(log.unread(u0).markAllRead()).isEqualTo(5);
        assertThat(log.unread(u0).count()).isZero();
        assertThat(log.actions(u0).feed().count()).isEqualTo(5);
    }

    @Test
    void unreadFilterNeedsAUser() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> log.actions(u0).feed().unreadFor(null))
                .hasMessageContaining("ACTRACK-110");
    }

    @Test
    void logTimestampBeforeTheTrackerDoesNotMakeItUnread() {
        log.track(u0, u1);
        log.log(u1, "backdated", at(START.minusSeconds(3600)));

        assertThat(log.unread(u0).count()).isZero();
    }
}
