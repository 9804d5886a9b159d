/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.Unread;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seen beside read (issue 21): a user's notification badge counts the unread actions newer than their seen position,
 * one row per user; marking the feed seen empties the badge and leaves every action unread.
 */
class SeenTest extends ActrackContractTest {

    private User reader;
    private User writer;
    private Project project;

    @BeforeEach
    void aReaderFollowingAProject() {
        reader = user("reader");
        writer = user("writer");
        project = project("project");
        log.track(reader, writer);
    }

    @Test
    void beforeTheFirstMarkEveryUnreadActionIsUnseen() {
        log.log(writer, "edited", targets(project));
        log.log(writer, "closed", targets(project));

        Unread unread = log.unread(reader);

        assertThat(unread.countUnseen()).isEqualTo(2).isEqualTo(unread.count());
        assertThat(unread.seenUntil()).isEmpty();
    }

    @Test
    void markingTheFeedSeenEmptiesTheBadgeAndLeavesEveryActionUnread() {
        log.log(writer, "edited", targets(project));
        log.log(writer, "closed", targets(project));
        clock.advance(Duration.ofMinutes(1));
        Instant before = clock.peek();

        log.unread(reader).markSeen();

        Instant after = clock.peek();
        assertThat(log.unread(reader).countUnseen()).isZero();
        assertThat(log.unread(reader).count()).isEqualTo(2);
        assertThat(log.unread(reader).seenUntil())
                .hasValueSatisfying(seen -> assertThat(seen).isBetween(before, after));
        assertThat(rows("actrack_unread")).isEqualTo(2);
    }

    @Test
    void actionsAfterTheMarkAreUnseenUntilTheNextMark() {
        log.log(writer, "edited", targets(project));
        clock.advance(Duration.ofSeconds(1));
        log.unread(reader).markSeen();
        clock.advance(Duration.ofSeconds(1));
        log.log(writer, "reopened", targets(project));
        log.log(writer, "closed", targets(project));

        assertThat(log.unread(reader).countUnseen()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        log.unread(reader).markSeen();
        assertThat(log.unread(reader).countUnseen()).isZero();
        assertThat(log.unread(reader).count()).isEqualTo(3);
    }

    @Test
    void readingAnUnseenActionTakesItOffTheBadgeToo() {
        log.log(writer, "edited", targets(project));
        log.log(writer, "closed", targets(project));
        List<Action> feed = log.actions(reader).feed().list(10);

        log.unread(reader).markRead(feed.get(0));

        assertThat(log.unread(reader).countUnseen()).isEqualTo(1);
        log.unread(reader).markAllRead();
        assertThat(log.unread(reader).countUnseen()).isZero();
    }

    @Test
    void theSeenPositionOnlyMovesForward() {
        clock.advance(Duration.ofHours(1));
        log.unread(reader).markSeen();
        Instant later = log.unread(reader).seenUntil().orElseThrow();
        clock.advance(Duration.ofHours(-2));

        log.unread(reader).markSeen();

        assertThat(log.unread(reader).seenUntil()).contains(later);
    }

    @Test
    void eachUserHasTheirOwnPosition() {
        User other = user("other");
        log.track(other, writer);
        log.log(writer, "edited", targets(project));
        clock.advance(Duration.ofSeconds(1));

        log.unread(reader).markSeen();

        assertThat(log.unread(reader).countUnseen()).isZero();
        assertThat(log.unread(other).countUnseen()).isEqualTo(1);
        assertThat(log.unread(other).seenUntil()).isEmpty();
    }

    @Test
    void aUserWhoFollowsNothingHasNothingUnseenAndMarkingWritesNothing() {
        User newcomer = user("newcomer");

        log.unread(newcomer).markSeen();

        assertThat(log.unread(newcomer).countUnseen()).isZero();
        assertThat(log.unread(newcomer).seenUntil()).isEmpty();
        assertThat(rows("actrack_tracker_owner")).isEqualTo(1);
    }

    @Test
    void anObjectOfAnotherTypeThanTheUserTypeIsRefusedAndNothingIsWritten() {
        ActionLog usersOnly = createLog(
                database.factory(), ActrackSettings.builder().userType("User").build(), clock);
        log.track(project, writer);

        assertThatThrownBy(() -> usersOnly.unread(project).markSeen())
                .isInstanceOf(ActrackException.class)
                .satisfies(e -> assertThat(((ActrackException) e).code()).isEqualTo(ErrorCode.NOT_USER_TYPE));
        assertThatThrownBy(() -> usersOnly.unread(project).countUnseen()).isInstanceOf(ActrackException.class);
        assertThat(log.unread(project).seenUntil()).isEmpty();
    }
}
