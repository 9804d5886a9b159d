/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.flag;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.actrack.Action;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.FeedScope;
import org.actrack.Tracker;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Follow flags (django-activity-stream's {@code Follow.flag}): one tracker per user, object and flag; feeds, tracker
 * queries and unread state see every flag, and each can be narrowed to one.
 */
class FollowFlagsTest extends ActrackContractTest {

    private User alice;
    private User bob;
    private User writer;
    private Project post;
    private Project other;

    @BeforeEach
    void aliceLikesAndWatchesAPost() {
        alice = user("alice");
        bob = user("bob");
        writer = user("writer");
        post = project("post");
        other = project("other");
        log.track(alice, post, actorOnly(false), flag("liking"));
        log.track(alice, post, actorOnly(false), verbs("closed"), flag("watching"));
        log.track(bob, post, actorOnly(false), flag("watching"));
        log.track(bob, other, actorOnly(false));
    }

    @Test
    void aUserHasOneTrackerPerObjectAndFlag() {
        log.track(alice, post, actorOnly(false), flag("liking"));

        assertThat(log.trackers(alice).owned().list())
                .extracting(tracker -> tracker.flag().orElse(""))
                .containsExactly("liking", "watching");
        assertThat(log.trackers(alice).owned().flagged("watching").list())
                .singleElement()
                .satisfies(tracker -> assertThat(tracker.verbs()).containsExactly("closed"));
        assertThat(rows("actrack_tracker")).isEqualTo(4);
    }

    @Test
    void whoFollowsAnObjectAndWhatAUserFollowsFilterByFlag() {
        assertThat(log.trackers(post).tracking().flagged("liking").owners())
                .extracting(Object::toString)
                .containsExactly("alice");
        assertThat(log.trackers(post).tracking().flagged("watching").owners())
                .extracting(Object::toString)
                .containsExactly("alice", "bob");
        assertThat(log.trackers(post).tracking().owners()).hasSize(2);
        assertThat(log.trackers(bob).owned().flagged("watching").trackedObjects())
                .extracting(Object::toString)
                .containsExactly("post");
        assertThat(log.trackers(bob).owned().count()).isEqualTo(2);
        assertThat(log.trackers(post).tracking().flagged("liking").count()).isEqualTo(1);
    }

    @Test
    void theFeedShowsEveryFlagOnceAndAFlaggedScopeOnlyItsTrackers() {
        log.log(writer, "commented", targets(post));
        log.log(writer, "closed", targets(post));

        assertThat(log.actions(alice).feed().list(10))
                .as("both trackers match 'closed': it is in the feed once")
                .extracting(Action::verb)
                .containsExactly("closed", "commented");
        assertThat(log.actions(alice).feed(FeedScope.ALL.flagged("watching")).list(10))
                .extracting(Action::verb)
                .containsExactly("closed");
        assertThat(log.actions(bob).feed(FeedScope.ALL.flagged("liking")).count())
                .isZero();
        assertThat(log.unread(alice).count()).isEqualTo(2);
        assertThat(rows("actrack_unread")).as("one mark per user and action").isEqualTo(4);
    }

    @Test
    void untrackingWithAFlagLeavesTheOtherTrackersAndTheirUnreadMarks() {
        log.log(writer, "commented", targets(post));

        assertThat(log.untrack(alice, post, flag("liking"))).isEqualTo(1);

        assertThat(log.trackers(alice).owned().list())
                .extracting(tracker -> tracker.flag().orElse(""))
                .containsExactly("watching");
        assertThat(log.unread(alice).count())
                .as("only 'watching' remains, for 'closed' only: the comment is no longer in alice's feed")
                .isZero();
        assertThat(log.untrack(bob, post))
                .as("bob has no tracker of the post without a flag")
                .isZero();
        assertThat(log.trackers(bob).owned().count()).isEqualTo(2);
    }

    @Test
    void aTemporaryTrackerCarriesItsFlag() {
        Tracker temporary = log.temporaryTracker(alice, other, flag("watching"));

        assertThat(temporary.flag()).contains("watching");
        assertThat(temporary.toString()).contains("flagged watching");
    }

    @Test
    void aBlankOrTooLongFlagIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> log.track(alice, other, flag(" ")))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FLAG))
                .hasMessageContaining("blank");
        assertThatThrownBy(() -> log.track(alice, other, flag("x".repeat(65))))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("65 characters long")
                .hasMessageContaining("1 to 64");
        assertThatThrownBy(() -> log.trackers(other).tracking().flagged(""))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-135");
        assertThat(rows("actrack_tracker")).isEqualTo(4);
    }

    @Test
    void trackAllGivesEveryUserTheFlaggedTracker() {
        List<Tracker> trackers = log.trackAll(List.of(alice, bob, writer), other, flag("liking"));

        assertThat(trackers)
                .hasSize(3)
                .allSatisfy(tracker -> assertThat(tracker.flag()).contains("liking"));
        assertThat(log.trackers(other).tracking().flagged("liking").count()).isEqualTo(3);
        assertThat(log.trackers(other).tracking().count()).isEqualTo(4);
    }
}
