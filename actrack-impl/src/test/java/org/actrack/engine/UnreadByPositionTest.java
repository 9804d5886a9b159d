/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.at;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManagerFactory;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.Level;
import org.actrack.ObjectRef;
import org.actrack.Unread;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Fanout;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;

/**
 * Broadcast verbs (issue 23, item 5): actions of a verb whose handler says {@link ActionHandler#unreadByPosition()} cost
 * one row however many users follow them, and read as unread exactly where an action of an ordinary verb would.
 */
class UnreadByPositionTest extends ActrackContractTest {

    /** Unread by position. */
    private static final String ANNOUNCED = "announced";

    /** Unread by one mark per follower, the default. */
    private static final String POSTED = "posted";

    private static final ActionHandler BROADCAST = new ActionHandler() {
        @Override
        public boolean unreadByPosition() {
            return true;
        }
    };

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return withBroadcast(factory, settings, testClock, true);
    }

    private static ActionLog withBroadcast(
            EntityManagerFactory factory, ActrackSettings settings, Clock testClock, boolean broadcast) {
        Function<String, ActionHandler> handlers =
                verb -> broadcast && verb.equals(ANNOUNCED) ? BROADCAST : Handlers.DEFAULT;
        return Actrack.builder()
                .entityManagerFactory(factory)
                .settings(settings)
                .clock(testClock)
                .handlers(handlers)
                .handlerVerbs(List.of(ANNOUNCED))
                .build();
    }

    @Test
    void anActionOfABroadcastVerbWritesOneRowWhateverTheNumberOfItsFollowers() {
        Project project = project("timetable");
        List<User> followers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            followers.add(user("follower " + i));
        }
        log.trackAll(followers, project, actorOnly(false));

        log.log(null, ANNOUNCED, targets(project));
        log.log(null, POSTED, targets(project));

        assertThat(rows("actrack_broadcast")).isEqualTo(1);
        assertThat(rows("actrack_unread")).isEqualTo(followers.size());
        for (User follower : followers) {
            assertThat(log.unread(follower).count()).isEqualTo(2);
        }
    }

    @Test
    void readingOneBroadcastActionWritesOneReadMarkThatMarkingAllReadForgets() {
        User reader = user("reader");
        Project project = project("timetable");
        log.track(reader, project, actorOnly(false));
        log.log(null, ANNOUNCED, targets(project));
        log.log(null, ANNOUNCED, targets(project));
        List<Action> feed = log.actions(reader).feed().list(10);
        Unread unread = log.unread(reader);

        assertThat(unread.markRead(feed.get(0), true)).isTrue();
        assertThat(unread.markRead(feed.get(0), true)).isFalse();

        assertThat(rows("actrack_read_mark")).isEqualTo(1);
        assertThat(unread.areUnread(feed)).containsExactly(false, true);
        assertThat(unread.count()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(unread.markAllRead()).isEqualTo(1);
        assertThat(rows("actrack_read_mark")).isZero();
        assertThat(unread.count()).isZero();
        assertThat(unread.areUnread(feed)).containsExactly(false, false);

        log.log(null, ANNOUNCED, targets(project));
        assertThat(unread.count()).isEqualTo(1);
    }

    @Test
    void aBroadcastActionIsUnreadOnlyForTrackersCreatedBeforeItAndReadableLevels() {
        User early = user("early");
        User late = user("late");
        Project project = project("timetable");
        log.track(early, project, actorOnly(false));
        log.log(null, ANNOUNCED, targets(project));
        log.log(null, ANNOUNCED, targets(project), level(Level.DEBUG));
        log.track(late, project, actorOnly(false));

        assertThat(log.unread(early).count()).isEqualTo(1);
        assertThat(log.unread(late).count()).isZero();
        assertThat(log.actions(late).feed().list(10)).hasSize(1);
        assertThat(rows("actrack_broadcast")).isEqualTo(1);
    }

    @Test
    void aTrackerThatStartsInThePastCountsTheBroadcastActionsSinceItsStartWhereMarksCountNone() {
        User reader = user("reader");
        Project project = project("timetable");
        Instant start = clock.peek();
        log.log(null, POSTED, targets(project));
        log.log(null, ANNOUNCED, targets(project));

        log.track(reader, project, actorOnly(false), org.actrack.Options.since(start));

        assertThat(log.actions(reader).feed().list(10)).hasSize(2);
        assertThat(log.actions(reader).feed().unreadFor(reader).list(10))
                .as("documented: a broadcast action is unread for the trackers that match it now")
                .extracting(Action::verb)
                .containsExactly(ANNOUNCED);
    }

    @Test
    void anActionMarkAllReadDidNotSeeYetStaysUnread() {
        User reader = user("reader");
        Project project = project("timetable");
        log.track(reader, project, actorOnly(false));
        Instant later = clock.peek().plus(Duration.ofHours(1));
        log.log(null, ANNOUNCED, targets(project), at(later));

        assertThat(log.unread(reader).markAllRead()).isZero();

        assertThat(log.unread(reader).count()).isEqualTo(1);
    }

    /**
     * The model: every action of the broadcast verb is logged together with a twin of the ordinary verb (same actor,
     * targets and related objects, one tick apart), and every read of unread state must find the twins alike, while
     * users track, untrack, read, mark all read and mark seen at random.
     */
    @Test
    void broadcastActionsReadAsUnreadExactlyWhereMarkedActionsDoUnderRandomUse() {
        Random random = new Random(20261207L);
        List<User> users = List.of(user("ann"), user("bob"), user("cat"), user("dan"));
        List<Object> objects = new ArrayList<>(users);
        objects.add(project("line 1"));
        objects.add(project("line 2"));
        objects.add(project("line 3"));
        Set<String> tracked = new HashSet<>();
        List<Action[]> twins = new ArrayList<>();
        Fanout fanout = log.unwrap(Integration.class).fanout();

        for (int step = 0; step < 160; step++) {
            clock.advance(Duration.ofSeconds(1));
            User user = users.get(random.nextInt(users.size()));
            int operation = random.nextInt(10);
            if (operation < 2) {
                Object object = random.nextInt(6) == 0 ? User.class : objects.get(random.nextInt(objects.size()));
                if (tracked.add(user.getName() + "→" + key(object))) {
                    log.track(user, object, actorOnly(random.nextBoolean()));
                }
            } else if (operation < 3) {
                Object object = objects.get(random.nextInt(objects.size()));
                if (tracked.remove(user.getName() + "→" + key(object))) {
                    log.untrack(user, object);
                }
            } else if (operation < 7) {
                User actor = users.get(random.nextInt(users.size()));
                Object target = objects.get(3 + random.nextInt(3));
                Object other = objects.get(random.nextInt(objects.size()));
                log.log(actor, POSTED, targets(target), related(other));
                log.log(actor, ANNOUNCED, targets(target), related(other));
                List<Action> newest = log.streams().actor(actor).list(2);
                twins.add(new Action[] {newest.get(1), newest.get(0)});
            } else if (operation < 8 && !twins.isEmpty()) {
                Action[] pair = twins.get(random.nextInt(twins.size()));
                log.unread(user).markRead(List.of(pair), true);
            } else if (operation < 9) {
                log.unread(user).markAllRead();
            } else {
                log.unread(user).markSeen();
            }
            // The user who acted, at every step; everyone, every tenth step and at the end.
            for (User reader : step % 10 == 9 || step == 159 ? users : List.of(user)) {
                assertTwinsAlike(reader, twins, fanout, "step " + step);
            }
        }
        assertThat(twins).hasSizeGreaterThan(40);
        assertThat(rows("actrack_unread")).isPositive();
        assertThat(rows("actrack_broadcast")).isEqualTo(twins.size());
    }

    private void assertTwinsAlike(User reader, List<Action[]> twins, Fanout fanout, String when) {
        Unread unread = log.unread(reader);
        List<Action> posted = new ArrayList<>();
        List<Action> announced = new ArrayList<>();
        for (Action[] pair : twins) {
            posted.add(pair[0]);
            announced.add(pair[1]);
        }
        List<Boolean> postedUnread = unread.areUnread(posted);
        assertThat(unread.areUnread(announced)).as(when).isEqualTo(postedUnread);
        long unreadPosted = postedUnread.stream().filter(Boolean::booleanValue).count();
        assertThat(unread.count()).as(when).isEqualTo(2 * unreadPosted);

        Instant seen = unread.seenUntil().orElse(Instant.MIN);
        long unseenPosted = 0;
        for (int i = 0; i < posted.size(); i++) {
            if (postedUnread.get(i) && posted.get(i).timestamp().isAfter(seen)) {
                unseenPosted++;
            }
        }
        assertThat(unread.countUnseen()).as(when).isEqualTo(2 * unseenPosted);

        Map<String, Set<Long>> unreadFeed = log.actions(reader).feed().unreadFor(reader).list(1000).stream()
                .collect(Collectors.groupingBy(
                        Action::verb, Collectors.mapping(Action::id, Collectors.toCollection(LinkedHashSet::new))));
        Set<Integer> postedPairs = new HashSet<>();
        Set<Integer> announcedPairs = new HashSet<>();
        for (int i = 0; i < twins.size(); i++) {
            if (unreadFeed.getOrDefault(POSTED, Set.of()).contains(twins.get(i)[0].id())) {
                postedPairs.add(i);
            }
            if (unreadFeed.getOrDefault(ANNOUNCED, Set.of()).contains(twins.get(i)[1].id())) {
                announcedPairs.add(i);
            }
        }
        assertThat(announcedPairs).as(when).isEqualTo(postedPairs).hasSize((int) unreadPosted);

        ObjectRef ref = fanout.ref(reader);
        assertThat(fanout.unreadCounts(List.of(ref))).as(when).containsEntry(ref, unread.count());
        assertThat(fanout.unseenCounts(List.of(ref))).as(when).containsEntry(ref, unread.countUnseen());
        List<Long> ids = new ArrayList<>();
        twins.forEach(pair -> {
            ids.add(pair[0].id());
            ids.add(pair[1].id());
        });
        assertThat(fanout.unreadAmong(List.of(ref), ids).getOrDefault(ref, Set.of()))
                .as(when)
                .hasSize((int) (2 * unreadPosted));
    }

    private static String key(Object object) {
        return object instanceof User user ? "user " + user.getName() : String.valueOf(object);
    }

    @Test
    void groupedPagesCountBroadcastActionsUnreadAndMarkingAGroupReadReadsThem() {
        User reader = user("reader");
        User writer = user("writer");
        Project project = project("timetable");
        log.track(reader, project, actorOnly(false));
        log.log(writer, ANNOUNCED, targets(project));
        log.log(writer, ANNOUNCED, targets(project));
        log.log(writer, ANNOUNCED, targets(project));
        log.unread(reader).markRead(log.actions(reader).feed().list(1).get(0), true);

        ActionGroup group =
                log.actions(reader).feed().grouped().page(10).groups().get(0);

        assertThat(group.actionCount()).isEqualTo(3);
        assertThat(group.unreadCount()).isEqualTo(2);
        assertThat(log.unread(reader).markRead(group)).isEqualTo(2);
        assertThat(log.unread(reader).count()).isZero();
    }

    @Test
    void aBroadcastActionThatGrowsByGroupingKeepsOneRowAndReachesTheFollowersOfItsNewTargets() {
        User reader = user("reader");
        User writer = user("writer");
        Project first = project("line 1");
        Project second = project("line 2");
        log.track(reader, second, actorOnly(false));
        log.log(writer, ANNOUNCED, targets(first), groupingDelay(60));
        log.log(writer, ANNOUNCED, related(second), targets(first), groupingDelay(60));

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(rows("actrack_broadcast")).isEqualTo(1);
        assertThat(log.unread(reader).count()).isEqualTo(1);
    }

    @Test
    void deletingActionsForgetsTheirBroadcastRowsAndReadMarks() {
        User reader = user("reader");
        Project project = project("timetable");
        log.track(reader, project, actorOnly(false));
        log.log(null, ANNOUNCED, targets(project));
        log.log(null, ANNOUNCED, targets(project));
        log.unread(reader).markRead(log.actions(reader).feed().list(1).get(0), true);
        clock.advance(Duration.ofDays(2));

        assertThat(log.history().prune(clock.peek().minus(Duration.ofDays(1)))).isEqualTo(2);

        assertThat(rows("actrack_broadcast") + rows("actrack_read_mark")).isZero();
    }

    @Test
    void anErasedPersonLeavesNoReadMarkAndTheirExportListsTheirBroadcastActionsUnread() {
        User reader = user("reader");
        Project project = project("timetable");
        log.track(reader, project, actorOnly(false));
        log.log(null, ANNOUNCED, targets(project));
        log.log(null, ANNOUNCED, targets(project));
        List<Action> feed = log.actions(reader).feed().list(10);
        log.unread(reader).markRead(feed.get(0), true);

        JsonObject export = Json.createReader(
                        new StringReader(log.personalData().export(reader)))
                .readObject();
        assertThat(export.getJsonArray("unread").getValuesAs(JsonNumber.class))
                .extracting(JsonNumber::longValue)
                .containsExactly(feed.get(1).id());

        log.personalData().erase(reader);
        assertThat(rows("actrack_read_mark")).isZero();
        assertThat(rows("actrack_broadcast")).isEqualTo(2);
    }

    @Test
    void actionsLoggedWhileTheVerbWasABroadcastStayExactOnceItNoLongerIs() {
        User reader = user("reader");
        Project project = project("timetable");
        log.track(reader, project, actorOnly(false));
        log.log(null, ANNOUNCED, targets(project));
        log.log(null, ANNOUNCED, targets(project));

        ActionLog after = withBroadcast(database.factory(), settings(), clock, false);
        after.log(null, ANNOUNCED, targets(project));

        assertThat(after.unread(reader).count()).isEqualTo(3);
        assertThat(rows("actrack_unread")).isEqualTo(1);
        assertThat(after.actions(reader).feed().unreadFor(reader).list(10)).hasSize(3);
    }
}
