/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §0.4: the unread a user is shown is always a subset of the user's feed, after any untrack, tracker
 * change or removal; and the unread index a user's count and mark-all-read run on leads with the owner.
 */
class UnreadSubsetOfFeedTest extends ActrackContractTest {

    private User reader;
    private User other;
    private User actor;
    private Project project;
    private List<Task> tasks;

    @BeforeEach
    void feedWithUnreadActions() {
        reader = user("reader");
        other = user("other");
        actor = user("actor");
        project = project("project");
        tasks = List.of(task("t1", project), task("t2", project), task("t3", project));
        log.track(reader, project, actorOnly(false));
        log.track(reader, Task.class, actorOnly(false));
        log.track(other, project, actorOnly(false));
        log.log(actor, "created", targets(project));
        tasks.forEach(task -> log.log(actor, "edited", targets(task)));
        log.log(actor, "commented", targets(tasks.get(0)), related(project));
        assertThat(log.unread(reader).count()).isEqualTo(5);
    }

    @Test
    void untrackingForgetsTheMarksNoRemainingTrackerMatches() {
        log.untrack(reader, Task.class);

        assertUnreadIsTheUnreadPartOfTheFeed(reader);
        assertThat(log.unread(reader).count()).isEqualTo(2);
        assertThat(log.unread(other).count()).as("other users keep theirs").isEqualTo(2);
    }

    @Test
    void narrowingATrackerToSomeVerbsForgetsTheOthers() {
        log.track(reader, Task.class, verbs("commented"), actorOnly(false));
        log.track(reader, project, verbs("created"), actorOnly(false));

        assertUnreadIsTheUnreadPartOfTheFeed(reader);
        assertThat(log.unread(reader).count()).isEqualTo(2);
    }

    @Test
    void makingATrackerActorOnlyForgetsTheActionsWhereItWasNotTheActor() {
        log.track(reader, project, actorOnly(true));

        assertUnreadIsTheUnreadPartOfTheFeed(reader);
    }

    @Test
    void removingAnEntityForgetsTheMarksOfWholeTypeTrackersThatNoLongerMatch() {
        inTransaction(em -> em.remove(em.find(Task.class, tasks.get(1).getId())));
        log.history().entityRemoved(tasks.get(1));

        assertUnreadIsTheUnreadPartOfTheFeed(reader);
        assertThat(log.unread(reader).count()).isEqualTo(4);
    }

    @Test
    void bulkRemovalsKeepUnreadASubsetOfTheFeed() {
        log.history()
                .entitiesRemoved(
                        Task.class, List.of(tasks.get(0).getId(), tasks.get(2).getId()));

        assertUnreadIsTheUnreadPartOfTheFeed(reader);
        assertUnreadIsTheUnreadPartOfTheFeed(other);
    }

    @Test
    void countingAndMarkingAllReadTouchOnlyTheUsersOwnMarks() {
        assertThat(log.unread(reader).markAllRead()).isEqualTo(5);

        assertThat(log.unread(reader).count()).isZero();
        assertThat(log.unread(other).count()).isEqualTo(2);
    }

    @Test
    void theUnreadTableHasAnIndexLedByTheOwner() throws Exception {
        List<List<String>> indexes;
        try (Connection connection = database.statements().getConnection()) {
            indexes = indexColumns(connection, "actrack_unread");
        }

        assertThat(indexes)
                .as("indexes of actrack_unread, columns in order")
                .anySatisfy(columns -> assertThat(columns).containsExactly("owner_key", "action_time", "action_id"));
    }

    private void assertUnreadIsTheUnreadPartOfTheFeed(User user) {
        assertThat(log.unread(user).count())
                .as("unread count of %s", user.getName())
                .isEqualTo(log.actions(user).feed().unreadFor(user).count());
    }

    /** The columns of each index of a table, read from the database catalog through JDBC. */
    private static List<List<String>> indexColumns(Connection connection, String table) {
        try {
            List<List<String>> indexes = new ArrayList<>();
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                java.util.Map<String, java.util.TreeMap<Short, String>> byIndex = new java.util.LinkedHashMap<>();
                try (ResultSet rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                    while (rows.next()) {
                        if (rows.getString("INDEX_NAME") != null && rows.getString("COLUMN_NAME") != null) {
                            byIndex.computeIfAbsent(rows.getString("INDEX_NAME"), k -> new java.util.TreeMap<>())
                                    .put(
                                            rows.getShort("ORDINAL_POSITION"),
                                            rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                        }
                    }
                }
                byIndex.values().forEach(columns -> indexes.add(List.copyOf(columns.values())));
            }
            return indexes;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
