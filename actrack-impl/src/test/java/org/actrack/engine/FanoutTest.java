/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actrack.Action;
import org.actrack.ActionKey;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.ObjectRef;
import org.actrack.RenderContext;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Fanout;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;

/** {@link Fanout}: the whole log read from a position, and the unread state of many users in one statement each. */
class FanoutTest extends ActrackContractTest {

    @Test
    void storedSinceReadsTheWholeLogOldestFirstAndContinuesAfterAKey() {
        User writer = user("writer");
        for (int i = 0; i < 5; i++) {
            log.log(writer, "step " + i);
            clock.advance(Duration.ofSeconds(1));
        }
        log.log(null, "without an actor");
        Fanout fanout = log.unwrap(Integration.class).fanout();

        List<ActionKey> all = fanout.storedSince(START, null, 100);
        List<ActionKey> firstTwo = fanout.storedSince(START, null, 2);
        List<ActionKey> rest = fanout.storedSince(START, firstTwo.get(1), 100);

        assertThat(all).hasSize(6).isSorted();
        assertThat(firstTwo).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(rest).containsExactlyElementsOf(all.subList(2, 6));
        assertThat(fanout.storedSince(START.plusSeconds(3), null, 100)).containsExactlyElementsOf(all.subList(3, 6));
        assertThat(fanout.actions(all.stream().map(ActionKey::id).toList()))
                .extracting(Action::verb)
                .containsExactly("step 0", "step 1", "step 2", "step 3", "step 4", "without an actor");
    }

    @Test
    void keysOfOneInstantAreOrderedById() {
        clock.tick(Duration.ZERO);
        User writer = user("writer");
        log.log(writer, "a");
        log.log(writer, "b");
        log.log(writer, "c");

        List<ActionKey> keys = log.unwrap(Integration.class).fanout().storedSince(START, null, 10);

        assertThat(keys)
                .extracting(ActionKey::timestamp)
                .containsOnly(keys.get(0).timestamp());
        assertThat(log.unwrap(Integration.class).fanout().storedSince(START, keys.get(0), 10))
                .containsExactlyElementsOf(keys.subList(1, 3));
    }

    @Test
    void unreadAmongAndCountsAnswerForManyUsersAtOnce() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        Project project = project("project");
        log.track(alice, project, actorOnly(false));
        log.track(bob, project, actorOnly(false));
        log.log(carol, "first", targets(project));
        log.log(carol, "second", targets(project));
        List<Action> actions = log.actions(alice).feed().list(10);
        log.unread(bob).markRead(actions.get(0), true);
        Fanout fanout = log.unwrap(Integration.class).fanout();
        ObjectRef a = fanout.ref(alice);
        ObjectRef b = fanout.ref(bob);
        ObjectRef c = fanout.ref(carol);
        List<Long> ids = actions.stream().map(Action::id).toList();

        Map<ObjectRef, Set<Long>> unread = fanout.unreadAmong(List.of(a, b, c), ids);
        Map<ObjectRef, Long> counts = fanout.unreadCounts(List.of(a, b, c));

        assertThat(a).isEqualTo(ObjectRef.of("User", alice.getId().toString()));
        assertThat(unread).containsOnlyKeys(a, b);
        assertThat(unread.get(a)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(unread.get(b)).containsExactly(ids.get(1));
        assertThat(counts).containsExactly(Map.entry(a, 2L), Map.entry(b, 1L), Map.entry(c, 0L));
        assertThat(fanout.unreadAmong(List.of(), ids)).isEmpty();
    }

    @Test
    void unseenCountsAnswerForManyUsersAtOnceFromEachSeenPosition() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        Project project = project("project");
        log.track(alice, project, actorOnly(false));
        log.track(bob, project, actorOnly(false));
        log.log(carol, "first", targets(project));
        clock.advance(java.time.Duration.ofMinutes(1));
        log.unread(alice).markSeen();
        clock.advance(java.time.Duration.ofMinutes(1));
        log.log(carol, "second", targets(project));
        Fanout fanout = log.unwrap(Integration.class).fanout();
        ObjectRef a = fanout.ref(alice);
        ObjectRef b = fanout.ref(bob);
        ObjectRef c = fanout.ref(carol);

        Map<ObjectRef, Long> unseen = fanout.unseenCounts(List.of(a, b, c));

        assertThat(unseen)
                .as("alice saw the first; bob never marked his feed seen; carol follows nothing")
                .containsExactly(Map.entry(a, 1L), Map.entry(b, 2L), Map.entry(c, 0L));
        assertThat(unseen.get(a)).isEqualTo(log.unread(alice).countUnseen());
    }

    @Test
    void renderingWithKnownUnreadFlagsNeverMarksRead() {
        User alice = user("alice");
        Project project = project("project");
        log.track(alice, project, actorOnly(false));
        log.log(user("bob"), "edited", targets(project));
        List<Action> page = log.actions(alice).feed().list(10);

        List<String> texts = log.renderAll(
                page, RenderContext.forUser(alice), log.unread(alice).areUnread(page));

        assertThat(texts).hasSize(1);
        assertThat(log.unread(alice).count()).as("still unread, auto-read on").isEqualTo(1);
        assertThatThrownBy(() -> log.renderAll(page, RenderContext.forUser(alice), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 actions, 0 flags");
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> log.unwrap(Integration.class).fanout().storedSince(START, null, 0))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_SIZE));
        assertThatThrownBy(
                        () -> log.unwrap(Integration.class).fanout().actions(java.util.Collections.nCopies(1001, 1L)))
                .isInstanceOf(ActrackException.class);
    }
}
