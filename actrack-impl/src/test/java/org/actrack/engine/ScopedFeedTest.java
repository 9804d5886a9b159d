/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.level;
import static org.actrack.Options.targets;
import static org.actrack.Options.verbs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.FeedScope;
import org.actrack.StreamLimits;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code feed(FeedScope)}: each tracker counts only as far as the reader's scope lets it, inside the query. */
class ScopedFeedTest extends ActrackContractTest {

    private User reader;
    private User writer;
    private Project open;
    private Project hidden;

    @BeforeEach
    void aReaderFollowingTwoProjects() {
        reader = user("reader");
        writer = user("writer");
        open = project("open");
        hidden = project("hidden");
        log.track(reader, List.of(open, hidden), actorOnly(false));
    }

    private FeedScope hiding(Project project) {
        return tracker -> tracker.tracked()
                        .filter(object ->
                                object instanceof Project p && p.getId().equals(project.getId()))
                        .isPresent()
                ? Optional.empty()
                : Optional.of(StreamLimits.NONE);
    }

    @Test
    void aTrackerTheScopeLeavesOutAddsNothing() {
        log.log(writer, "edited", targets(open));
        log.log(writer, "edited", targets(hidden));

        List<Action> feed = log.actions(reader).feed(hiding(hidden)).list(10);

        assertThat(feed).hasSize(1);
        assertThat(feed.get(0).targets()).extracting(Object::toString).containsExactly("open");
        assertThat(log.actions(reader).feed(hiding(hidden)).count()).isEqualTo(1);
        assertThat(log.actions(reader).feed(FeedScope.ALL).count()).isEqualTo(2);
    }

    @Test
    void anActionAnotherVisibleTrackerMatchesStaysInTheFeed() {
        log.log(writer, "moved", targets(open, hidden));

        assertThat(log.actions(reader).feed(hiding(hidden)).list(10))
                .extracting(Action::verb)
                .containsExactly("moved");
    }

    @Test
    void limitsNarrowEachTrackerByVerbLevelAndTime() {
        FeedScope scope = tracker -> Optional.of(
                tracker.tracked().orElseThrow().toString().equals("open")
                        ? StreamLimits.NONE.verbs("edited", "closed").minLevel(40)
                        : StreamLimits.NONE.since(START.plus(Duration.ofHours(1))));
        log.log(writer, "edited", targets(open), level("WARNING"));
        log.log(writer, "edited", targets(open));
        log.log(writer, "commented", targets(open), level("WARNING"));
        log.log(writer, "edited", targets(hidden));
        clock.advance(Duration.ofHours(2));
        log.log(writer, "commented", targets(hidden));

        List<Action> feed = log.actions(reader).feed(scope).list(10);

        assertThat(feed)
                .extracting(action -> action.verb() + " " + action.targets().get(0) + " " + action.level())
                .containsExactly("commented hidden 30", "edited open 40");
    }

    @Test
    void aTrackersOwnVerbsAreIntersectedWithTheLimits() {
        log.track(reader, open, verbs("edited"));
        log.log(writer, "edited", targets(open));
        log.log(writer, "closed", targets(open));

        assertThat(log.actions(reader)
                        .feed(tracker -> Optional.of(StreamLimits.NONE.verbs("edited", "closed")))
                        .list(10))
                .extracting(Action::verb)
                .containsExactly("edited");
        assertThat(log.actions(reader)
                        .feed(tracker -> Optional.of(StreamLimits.NONE.verbs("closed")))
                        .list(10))
                .isEmpty();
    }

    @Test
    void pagesStayFullWhenTheScopeHidesMostActions() {
        for (int i = 0; i < 30; i++) {
            log.log(writer, "hidden " + i, targets(hidden));
            if (i % 3 == 0) {
                log.log(writer, "open " + i, targets(open));
            }
        }
        ActionQuery feed = log.actions(reader).feed(hiding(hidden));

        ActionPage first = feed.page(4);
        ActionPage second = feed.after(first.nextCursor()).page(4);
        ActionPage third = feed.after(second.nextCursor()).page(4);

        assertThat(first.actions())
                .extracting(Action::verb)
                .containsExactly("open 27", "open 24", "open 21", "open 18");
        assertThat(second.actions()).extracting(Action::verb).containsExactly("open 15", "open 12", "open 9", "open 6");
        assertThat(third.actions()).extracting(Action::verb).containsExactly("open 3", "open 0");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void theUnreadSubsetAndCursorsWorkAsOnThePlainFeed() {
        log.log(writer, "a", targets(open));
        log.log(writer, "b", targets(hidden));
        log.log(writer, "c", targets(open));
        ActionQuery plain = log.actions(reader).feed();
        ActionQuery scoped = log.actions(reader).feed(hiding(hidden));

        assertThat(scoped.unreadFor(reader).count()).isEqualTo(2);
        Action newest = plain.list(1).get(0);
        assertThat(scoped.after(plain.cursorOf(newest)).list(10))
                .extracting(Action::verb)
                .containsExactly("a");
        assertThat(plain.after(scoped.cursorOf(newest)).list(10))
                .extracting(Action::verb)
                .containsExactly("b", "a");
    }

    @Test
    void theScopeSeesEachTrackerWithItsObjectResolved() {
        List<Object> seen = new java.util.ArrayList<>();
        log.actions(reader)
                .feed(tracker -> {
                    seen.add(tracker.tracked().orElse(null));
                    assertThat(tracker.owner()).contains(reader);
                    return Optional.of(StreamLimits.NONE);
                })
                .list(1);

        assertThat(seen).extracting(Object::toString).containsExactlyInAnyOrder("open", "hidden");
    }

    @Test
    void sinceLimitsAreInclusive() {
        Instant at = clock.peek();
        log.log(writer, "at the limit", targets(open));

        assertThat(log.actions(reader)
                        .feed(tracker -> Optional.of(StreamLimits.NONE.since(at)))
                        .list(10))
                .hasSize(1);
    }

    @Test
    void aFeedSinceFollowedStartsEachTrackerWhenItWasCreated() {
        Project late = project("late");
        log.log(writer, "before following", targets(late));
        log.log(writer, "edited", targets(open));
        clock.advance(Duration.ofHours(1));
        log.track(reader, late, actorOnly(false));
        log.log(writer, "after following", targets(late));

        ActionQuery sinceFollowed = log.actions(reader).feed(FeedScope.SINCE_FOLLOWED);

        assertThat(sinceFollowed.list(10)).extracting(Action::verb).containsExactly("after following", "edited");
        assertThat(sinceFollowed.count()).isEqualTo(2);
        assertThat(sinceFollowed.unreadFor(reader).count())
                .as("unread marks also start when the user followed")
                .isEqualTo(log.unread(reader).count())
                .isEqualTo(2);
        assertThat(log.actions(reader).feed().list(10))
                .as("the plain feed shows the whole history of what the user follows")
                .extracting(Action::verb)
                .containsExactly("after following", "edited", "before following");
    }

    @Test
    void sinceFollowedKeepsTheScopesRulesAndALaterStart() {
        log.log(writer, "edited", targets(open));
        log.log(writer, "edited", targets(hidden));
        clock.advance(Duration.ofHours(1));
        Instant later = clock.peek();
        log.log(writer, "closed", targets(open));
        FeedScope fromLater = tracker -> Optional.of(StreamLimits.NONE.since(later));

        assertThat(log.actions(reader).feed(hiding(hidden).sinceFollowed()).list(10))
                .extracting(action -> action.verb() + " " + action.targets().get(0))
                .containsExactly("closed open", "edited open");
        assertThat(log.actions(reader).feed(fromLater.sinceFollowed()).list(10))
                .extracting(Action::verb)
                .containsExactly("closed");
    }
}
