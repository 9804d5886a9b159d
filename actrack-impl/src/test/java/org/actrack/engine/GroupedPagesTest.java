/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.GroupPage;
import org.actrack.GroupedQuery;
import org.actrack.ObjectRef;
import org.actrack.ReadGrouping;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/**
 * Grouped pages (issue 21): any action query read as pages of groups computed in the database, every action in
 * exactly one group, pages exact across cursors, with each group's counts, unread and seen state, checked against
 * the flat query grouped in memory.
 */
class GroupedPagesTest extends ActrackContractTest {

    /** "liked" groups by actor within an hour, "joined" never groups, "posted" by verb only within 3 days. */
    private static final Map<String, ReadGrouping> RULES = Map.of(
            "liked", ReadGrouping.byActor().within(Duration.ofHours(1)),
            "joined", ReadGrouping.none(),
            "posted", ReadGrouping.byVerb().within(Duration.ofDays(3)));

    private static final List<String> VERBS = List.of("commented", "edited", "liked", "joined", "posted");

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        ActionHandler fallback = new ActionHandler() {};
        return Actrack.builder()
                .entityManagerFactory(factory)
                .settings(settings)
                .clock(testClock)
                .handlers(verb -> RULES.containsKey(verb) ? new Ruled(RULES.get(verb)) : fallback)
                .handlerVerbs(RULES.keySet())
                .build();
    }

    @Test
    void commentsOfOneDayOnOneTargetFormOneGroupWithTheirActors() {
        User alice = user("alice");
        User bob = user("bob");
        User carol = user("carol");
        User reader = user("reader");
        Project report = project("report");
        Project other = project("other");
        log.track(reader, report, actorOnly(false));
        log.track(reader, other, actorOnly(false));
        log.log(alice, "commented", targets(report));
        clock.advance(Duration.ofMinutes(5));
        log.log(bob, "commented", targets(report));
        clock.advance(Duration.ofMinutes(5));
        log.log(alice, "commented", targets(other));
        clock.advance(Duration.ofMinutes(5));
        log.log(carol, "commented", targets(report));
        clock.advance(Duration.ofMinutes(5));
        log.log(alice, "commented", targets(report));

        GroupPage page = log.actions(reader).feed().grouped().members(2).page(10);

        assertThat(page.groups()).hasSize(2);
        ActionGroup first = page.groups().get(0);
        assertThat(first.verb()).isEqualTo("commented");
        assertThat(first.object()).isEqualTo(ObjectRef.of("Project", String.valueOf(report.getId())));
        assertThat(first.actionCount()).isEqualTo(4);
        assertThat(first.actorCount()).isEqualTo(3);
        assertThat(first.members())
                .extracting(a -> a.actorRef().orElseThrow().id())
                .containsExactly(String.valueOf(alice.getId()), String.valueOf(carol.getId()));
        assertThat(first.more()).isEqualTo(2);
        assertThat(first.unreadCount()).isEqualTo(4);
        assertThat(first.seen()).isFalse();
        assertThat(page.groups().get(1).actionCount()).isEqualTo(1);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void anActionThatGroupingGaveItsFirstTargetIsGroupedByIt() {
        User alice = user("alice");
        Project report = project("report");
        log.log(alice, "commented", groupingDelay(Duration.ofMinutes(1)));
        clock.advance(Duration.ofSeconds(10));
        log.log(alice, "commented", targets(report), groupingDelay(Duration.ofMinutes(1)));
        clock.advance(Duration.ofSeconds(10));
        log.log(alice, "commented", targets(report), noGrouping());

        assertThat(everything(log.actions(alice).asActor()))
                .as("the second action grouped into the stored first one, which had no target")
                .hasSize(2)
                .allSatisfy(action -> assertThat(action.targets()).hasSize(1));
        assertThat(log.actions(alice).asActor().grouped().page(10).groups())
                .singleElement()
                .satisfies(group -> {
                    assertThat(group.object()).isEqualTo(ObjectRef.of("Project", String.valueOf(report.getId())));
                    assertThat(group.actionCount()).isEqualTo(2);
                });
    }

    @Test
    void groupedPagesWalkedPageByPageEqualTheFlatFeedGroupedInMemory() {
        for (long seed = 1; seed <= 3; seed++) {
            database.clean();
            clock = new org.actrack.engine.testing.TestClock(START);
            log = createLog(database.factory(), settings(), clock);
            checkRandomFeed(new Random(seed));
        }
    }

    private void checkRandomFeed(Random random) {
        List<User> actors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            actors.add(user("actor " + i));
        }
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            projects.add(project("project " + i));
        }
        User reader = user("reader");
        log.track(reader, projects.get(0), actorOnly(false));
        log.track(reader, projects.get(1));
        log.track(reader, actors.get(0));
        log.track(reader, actors.get(1));
        for (int i = 0; i < 160; i++) {
            // Most steps a few hours, some none (equal timestamps), some days: the pages cross every window.
            int step = random.nextInt(10);
            clock.advance(step == 0 ? Duration.ZERO : Duration.ofMinutes(step < 8 ? random.nextInt(300) : 3000));
            List<Object> targets = new ArrayList<>();
            for (int t = random.nextInt(3); t > 0; t--) {
                Project project = projects.get(random.nextInt(projects.size()));
                if (!targets.contains(project)) {
                    targets.add(project);
                }
            }
            log.log(
                    actors.get(random.nextInt(actors.size())),
                    VERBS.get(random.nextInt(VERBS.size())),
                    targets(targets.toArray()));
            if (i == 120) {
                log.unread(reader).markSeen();
            }
        }
        List<Action> flat = everything(log.actions(reader).feed());
        List<Action> someRead =
                flat.stream().filter(a -> random.nextInt(4) == 0).toList();
        log.unread(reader).markRead(someRead, true);
        Set<Long> read = new HashSet<>(someRead.stream().map(Action::id).toList());
        Instant seenUntil = log.unread(reader).seenUntil().orElseThrow();
        assertThat(flat).hasSizeGreaterThan(60);

        List<Expected> expected = groupInMemory(flat, read, seenUntil);
        List<ActionGroup> walked = new ArrayList<>();
        String cursor = null;
        do {
            GroupedQuery query = log.actions(reader).feed().grouped().members(2).after(cursor);
            GroupPage page = query.page(1 + random.nextInt(7));
            walked.addAll(page.groups());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(walked).extracting(ActionGroup::key).doesNotHaveDuplicates();
        assertThat(walked.stream().mapToLong(ActionGroup::actionCount).sum()).isEqualTo(flat.size());
        assertThat(walked).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Expected want = expected.get(i);
            ActionGroup got = walked.get(i);
            String where = "group " + i + " of " + expected.size() + " (" + want.key + ")";
            assertThat(got.verb()).as(where).isEqualTo(want.verb);
            assertThat(got.members()).as(where).extracting(Action::id).containsExactlyElementsOf(want.newestIds(2));
            assertThat(got.actionCount()).as(where).isEqualTo(want.members.size());
            assertThat(got.actorCount()).as(where).isEqualTo(want.actors());
            assertThat(got.newest()).as(where).isEqualTo(want.members.get(0).timestamp());
            assertThat(got.unreadIds()).as(where).containsExactlyElementsOf(want.unreadIds(read));
            assertThat(got.unreadCount())
                    .as(where)
                    .isEqualTo(want.unreadIds(read).size());
            assertThat(got.seen()).as(where).isEqualTo(want.seen(read, seenUntil));
        }
    }

    @Test
    void withoutHandlersOfTheirOwnEveryVerbGroupsByFirstTargetWithinTheSettingsBucket() {
        ActionLog plain = Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(ActrackSettings.builder().groupBucketSeconds(3600).build())
                .clock(clock)
                .build();
        User alice = user("alice");
        Project report = project("report");
        plain.log(alice, "liked", targets(report));
        clock.advance(Duration.ofMinutes(30));
        plain.log(alice, "liked", targets(report));
        clock.advance(Duration.ofHours(1));
        plain.log(alice, "liked", targets(report));

        assertThat(plain.actions(report).all().grouped().page(10).groups())
                .extracting(ActionGroup::actionCount)
                .containsExactly(1L, 2L);
    }

    @Test
    void markingAGroupReadMarksItsUnreadMembers() {
        User alice = user("alice");
        User bob = user("bob");
        User reader = user("reader");
        Project report = project("report");
        log.track(reader, report, actorOnly(false));
        log.log(alice, "commented", targets(report));
        log.log(bob, "commented", targets(report));
        log.log(bob, "edited", targets(report));

        ActionGroup comments = log.actions(reader).feed().grouped().page(10).groups().stream()
                .filter(group -> group.verb().equals("commented"))
                .findFirst()
                .orElseThrow();
        int marked = log.unread(reader).markRead(comments);

        assertThat(marked).isEqualTo(2);
        assertThat(log.unread(reader).count()).isEqualTo(1);
        assertThat(log.actions(reader).feed().grouped().page(10).groups())
                .extracting(ActionGroup::verb, ActionGroup::unreadCount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("edited", 1L),
                        org.assertj.core.groups.Tuple.tuple("commented", 0L));
    }

    @Test
    void aGroupIsSeenOnceItsUnreadActionsAreOlderThanTheSeenPosition() {
        User alice = user("alice");
        User reader = user("reader");
        Project report = project("report");
        log.track(reader, report, actorOnly(false));
        log.log(alice, "commented", targets(report));
        clock.advance(Duration.ofMinutes(1));
        log.unread(reader).markSeen();

        assertThat(log.actions(reader).feed().grouped().page(5).groups().get(0).seen())
                .isTrue();

        clock.advance(Duration.ofMinutes(1));
        log.log(alice, "commented", targets(report));

        ActionGroup group =
                log.actions(reader).feed().grouped().page(5).groups().get(0);
        assertThat(group.seen()).isFalse();
        assertThat(group.unreadCount()).isEqualTo(2);
    }

    @Test
    void anObjectsStreamGroupsWithoutAReaderUntilOneIsGiven() {
        User alice = user("alice");
        User reader = user("reader");
        Project report = project("report");
        log.track(reader, report, actorOnly(false));
        log.log(alice, "commented", targets(report));
        log.log(alice, "commented", targets(report));

        ActionGroup anonymous =
                log.actions(report).all().grouped().page(5).groups().get(0);
        ActionGroup read = log.actions(report)
                .all()
                .grouped()
                .readBy(reader)
                .page(5)
                .groups()
                .get(0);

        assertThat(anonymous.actionCount()).isEqualTo(2);
        assertThat(anonymous.unreadCount()).isZero();
        assertThat(anonymous.seen()).isTrue();
        assertThat(anonymous.unreadIds()).isEmpty();
        assertThat(read.unreadCount()).isEqualTo(2);
        assertThat(read.seen()).isFalse();
    }

    @Test
    void verbsThatNeverGroupGiveAGroupPerAction() {
        User alice = user("alice");
        Project report = project("report");
        log.log(alice, "joined", targets(report));
        log.log(alice, "joined", targets(report));
        log.log(alice, "liked", targets(report));
        log.log(alice, "liked", targets(project("other")));

        List<ActionGroup> groups =
                log.actions(alice).asActor().grouped().page(10).groups();

        assertThat(groups).extracting(ActionGroup::verb).containsExactlyInAnyOrder("joined", "joined", "liked");
        assertThat(groups.stream()
                        .filter(g -> g.verb().equals("liked"))
                        .findFirst()
                        .orElseThrow()
                        .object())
                .isEqualTo(ObjectRef.of("User", String.valueOf(alice.getId())));
    }

    @Test
    void aCursorOfTheFlatQueryIsNotOneOfItsGroupedQuery() {
        User alice = user("alice");
        Project report = project("report");
        log.log(alice, "commented", targets(report));
        log.log(alice, "edited", targets(report));
        String flat = log.actions(report).all().page(1).nextCursor();

        assertThatThrownBy(() -> log.actions(report).all().grouped().after(flat).page(1))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    @Test
    void outOfRangeSizesAndBucketsAreRefusedNamingTheValue() {
        Project report = project("report");
        GroupedQuery grouped = log.actions(report).all().grouped();

        assertThatThrownBy(() -> grouped.members(0))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_GROUP_MEMBERS))
                .hasMessageContaining("0");
        assertThatThrownBy(() -> grouped.members(51)).hasMessageContaining("51");
        assertThatThrownBy(() -> grouped.page(201))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PAGE_SIZE))
                .hasMessageContaining("201");
        assertThatThrownBy(() -> ReadGrouping.byTarget().within(Duration.ofMillis(1500)))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_GROUP_BUCKET))
                .hasMessageContaining("PT1.5S");
        assertThatThrownBy(() -> ReadGrouping.byTarget().within(Duration.ofDays(367)))
                .hasMessageContaining("PT8808H");
    }

    /** The flat feed grouped by the same rules, groups ordered by their newest (time, id). */
    private static List<Expected> groupInMemory(List<Action> flat, Set<Long> read, Instant seenUntil) {
        Map<String, Expected> groups = new LinkedHashMap<>();
        for (Action action : flat) {
            ReadGrouping rule = RULES.getOrDefault(action.verb(), ReadGrouping.DEFAULT);
            long bucket = rule.bucket() == null ? 86_400 : rule.bucket().getSeconds();
            String object = switch (rule.by()) {
                case TARGET ->
                    action.targetRefs().isEmpty()
                            ? ""
                            : action.targetRefs().get(0).key();
                case ACTOR -> action.actorRef().map(ObjectRef::key).orElse("");
                case VERB -> "";
                case NONE -> "#" + action.id();
            };
            long number = rule.by() == ReadGrouping.By.NONE
                    ? 0
                    : Math.floorDiv(action.timestamp().getEpochSecond(), bucket);
            String key = action.verb() + "|" + object + "|" + number;
            groups.computeIfAbsent(key, k -> new Expected(k, action.verb()))
                    .members
                    .add(action);
        }
        Comparator<Action> newestFirst = Comparator.comparing(Action::timestamp)
                .thenComparingLong(Action::id)
                .reversed();
        groups.values().forEach(group -> group.members.sort(newestFirst));
        List<Expected> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing((Expected group) -> group.members.get(0), newestFirst));
        return ordered;
    }

    private static final class Expected {
        final String key;
        final String verb;
        final List<Action> members = new ArrayList<>();

        Expected(String key, String verb) {
            this.key = key;
            this.verb = verb;
        }

        List<Long> newestIds(int max) {
            return members.stream().limit(max).map(Action::id).toList();
        }

        long actors() {
            return members.stream()
                    .map(Action::actorRef)
                    .flatMap(java.util.Optional::stream)
                    .distinct()
                    .count();
        }

        List<Long> unreadIds(Set<Long> read) {
            return members.stream()
                    .map(Action::id)
                    .filter(id -> !read.contains(id))
                    .toList();
        }

        boolean seen(Set<Long> read, Instant seenUntil) {
            return members.stream()
                    .filter(a -> !read.contains(a.id()))
                    .noneMatch(a -> a.timestamp().isAfter(seenUntil));
        }
    }

    /** A handler with a read-time rule. */
    private record Ruled(ReadGrouping rule) implements ActionHandler {
        @Override
        public ReadGrouping readGrouping() {
            return rule;
        }
    }
}
