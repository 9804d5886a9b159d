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
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.Level;
import org.actrack.engine.fixtures.Badge;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Station;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.sql.SqlDialect;
import org.junit.jupiter.api.Test;

/** Keyset paging, deterministic order (§0.11), filters on every accessor (§0.7, P16) and round trips. */
class QueryTest extends ActrackContractTest {

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        User user = user("user");
        for (int i = 0; i < 25; i++) {
            log.log(user, "step" + i);
        }
        List<String> seen = new ArrayList<>();
        ActionQuery query = log.actions(user).asActor();
        ActionPage page = query.page(10);
        seen.addAll(verbs(page));
        int pages = 1;
        while (page.hasNext()) {
            page = query.after(page.nextCursor()).page(10);
            seen.addAll(verbs(page));
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            expected.add("step" + i);
        }
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void pagesAreCompleteHoweverFarApartTheActionsAre() {
        User user = user("user");
        List<Duration> ages = List.of(
                Duration.ofDays(365L * 50),
                Duration.ofDays(3650),
                Duration.ofDays(400),
                Duration.ofDays(20),
                Duration.ofHours(1),
                Duration.ofDays(-30));
        for (int i = 0; i < ages.size(); i++) {
            log.log(user, "age" + i, at(START.minus(ages.get(i))));
        }
        List<String> seen = new ArrayList<>();
        ActionQuery query = log.actions(user).all();
        ActionPage page = query.page(2);
        seen.addAll(verbs(page));
        while (page.hasNext()) {
            page = query.after(page.nextCursor()).page(2);
            seen.addAll(verbs(page));
        }

        assertThat(seen).containsExactly("age5", "age4", "age3", "age2", "age1", "age0");
        assertThat(verbs(query.since(START.minus(Duration.ofDays(500))).page(10)))
                .containsExactly("age5", "age4", "age3", "age2");
    }

    @Test
    void lastPageHasNoNextCursor() {
        User user = user("user");
        log.log(user, "only");
        ActionPage page = log.actions(user).all().page(1);
        assertThat(page.actions()).hasSize(1);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void actionsWithTheSameTimestampAreOrderedByIdNewestFirstAcrossPages() {
        User user = user("user");
        clock.tick(Duration.ZERO);
        for (int i = 0; i < 7; i++) {
            log.log(user, "same" + i);
        }
        ActionQuery query = log.actions(user).all();
        ActionPage first = query.page(3);
        ActionPage second = query.after(first.nextCursor()).page(3);
        ActionPage third = query.after(second.nextCursor()).page(3);

        assertThat(verbs(first)).containsExactly("same6", "same5", "same4");
        assertThat(verbs(second)).containsExactly("same3", "same2", "same1");
        assertThat(verbs(third)).containsExactly("same0");
    }

    @Test
    void newestFirstIsByTimestampNotByLoggingOrder() {
        User user = user("user");
        log.log(user, "later", at(START.plusSeconds(60)));
        log.log(user, "earlier", at(START));

        assertThat(everything(log.actions(user).all())).extracting(Action::verb).containsExactly("later", "earlier");
    }

    @Test
    void filtersApplyToEveryAccessorIncludingAsActor() {
        User user = user("user");
        Project project = project("project");
        log.log(user, "created", targets(project), related(project));
        log.log(user, "modified", targets(project), related(project));

        for (ActionQuery query : List.of(
                log.actions(user).all(),
                log.actions(user).asActor(),
                log.actions(project).asTarget(),
                log.actions(project).asRelated())) {
            assertThat(everything(query.verbs("modified")))
                    .extracting(Action::verb)
                    .containsExactly("modified");
            assertThat(query.verbs("modified", "created").count()).isEqualTo(2);
        }
    }

    @Test
    void timeRangeIncludesItsStartAndExcludesItsEnd() {
        User user = user("user");
        for (int i = 0; i < 5; i++) {
            log.log(user, "minute" + i, at(START.plus(Duration.ofMinutes(i))));
        }
        ActionQuery query = log.actions(user)
                .all()
                .since(START.plus(Duration.ofMinutes(1)))
                .until(START.plus(Duration.ofMinutes(3)));

        assertThat(everything(query)).extracting(Action::verb).containsExactly("minute2", "minute1");
        assertThat(query.count()).isEqualTo(2);
    }

    @Test
    void minimumLevelByValueOrName() {
        User user = user("user");
        log.log(user, "debug", level(Level.DEBUG));
        log.log(user, "info");
        log.log(user, "error", level(Level.ERROR));

        assertThat(everything(log.actions(user).all().minLevel(30)))
                .extracting(Action::verb)
                .containsExactly("error", "info");
        assertThat(everything(log.actions(user).all().minLevel("error")))
                .extracting(Action::verb)
                .containsExactly("error");
        assertThat(log.actions(user).all().count()).isEqualTo(3);
    }

    @Test
    void feedNeverShowsActionsBelowTheReadableLevel() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        log.log(writer, "hidden", level(Level.HIDDEN));
        log.log(writer, "shown");

        assertThat(everything(log.actions(reader).feed().minLevel(0)))
                .extracting(Action::verb)
                .containsExactly("shown");
        assertThat(log.actions(reader).feed().minLevel(0).count()).isEqualTo(1);
        assertThat(log.actions(writer).asActor().count())
                .as("other accessors keep them")
                .isEqualTo(2);
    }

    @Test
    void anActionMatchedSeveralTimesAppearsOnceInTheFeed() {
        User reader = user("reader");
        User writer = user("writer");
        Project project = project("project");
        log.track(reader, List.of(writer, project), actorOnly(false));
        log.log(writer, "created", targets(project), related(project));

        assertThat(everything(log.actions(reader).feed(true))).hasSize(1);
        assertThat(log.actions(reader).feed().count()).isEqualTo(1);
    }

    @Test
    void feedIncludesActionsLoggedBeforeTheTrackerWasCreated() {
        User reader = user("reader");
        User writer = user("writer");
        log.log(writer, "early");
        log.track(reader, writer);

        assertThat(everything(log.actions(reader).feed()))
                .extracting(Action::verb)
                .containsExactly("early");
    }

    @Test
    void aPageResolvesItsObjectsWithOneQueryPerEntityType() {
        User user = user("user");
        Project project = project("project");
        for (int i = 0; i < 40; i++) {
            Task task = task("task" + i, project);
            Station station = persist(new Station("S" + i));
            Badge badge = persist(new Badge());
            log.log(user, "linked", targets(task, station), related(badge, project));
        }

        database.statements().reset();
        List<Action> small = log.actions(user).asActor().list(2);
        int smallPage = database.statements().selects().size();
        database.statements().reset();
        List<Action> large = log.actions(user).asActor().list(30);
        int largePage = database.statements().selects().size();

        assertThat(small).hasSize(2);
        assertThat(large).hasSize(30).allSatisfy(action -> {
            assertThat(action.targets()).hasSize(2);
            assertThat(action.related()).hasSize(2);
            assertThat(action.actor()).isPresent();
        });
        // ids, actions, references, one per type (User, Task, Station, Badge, Project), and the fixture's own
        // eager Task.project association: the same for 2 actions as for 30 (both pages fill from the last day).
        assertThat(largePage).isEqualTo(smallPage).isLessThanOrEqualTo(3 + 5 + 1);
        assertThat(database.statements().selects())
                .filteredOn(sql -> sql.contains("fixture_badge"))
                .hasSize(1);
    }

    @Test
    void aFeedOfManyTrackedObjectsFindsThemWhateverCharactersTheirIdsHave() {
        User reader = user("reader");
        User writer = user("writer");
        List<String> codes =
                List.of("plain", "quote\"d", "back\\slash", "it's", "tab\tand\nnewline", "ünï©ødé", "[\"json\"]");
        List<Station> special = new ArrayList<>();
        for (String code : codes) {
            special.add(persist(new Station(code)));
        }
        for (int trackers : new int[] {codes.size(), SqlDialect.MAX_PLACEHOLDERS + 1}) {
            // A short list and a long one: databases without arrays bind them differently (SqlDialect.oneOf).
            List<Station> tracked = new ArrayList<>(special);
            for (int i = tracked.size(); i < trackers; i++) {
                tracked.add(persist(new Station("quiet " + trackers + "/" + i)));
            }
            log.track(reader, tracked, actorOnly(false));
            if (trackers == codes.size()) {
                special.forEach(station -> log.log(writer, "visited", targets(station)));
                log.log(writer, "visited", targets(persist(new Station("untracked"))));
            }

            List<Action> feed = log.actions(reader).feed().list(20);

            assertThat(feed)
                    .extracting(action -> ((Station) action.targets().get(0)).getCode())
                    .containsExactlyInAnyOrderElementsOf(codes);
            assertThat(log.actions(reader).feed().count()).isEqualTo(codes.size());
            assertThat(log.actions(reader).feed().countUpTo(100)).isEqualTo(codes.size());
        }
    }

    @Test
    void countIgnoresTheCursor() {
        User user = user("user");
        for (int i = 0; i < 4; i++) {
            log.log(user, "step" + i);
        }
        ActionPage first = log.actions(user).all().page(2);
        assertThat(log.actions(user).all().after(first.nextCursor()).count()).isEqualTo(4);
    }

    @Test
    void queriesAreImmutable() {
        User user = user("user");
        log.log(user, "a");
        log.log(user, "b");
        ActionQuery all = log.actions(user).all();
        all.verbs("a");
        all.minLevel(100);

        assertThat(all.count()).isEqualTo(2);
    }

    @Test
    void cursorsSurviveTimestampsWithMicroseconds() {
        User user = user("user");
        Instant base = Instant.parse("2026-02-03T04:05:06.123456Z");
        for (int i = 0; i < 4; i++) {
            log.log(user, "t" + i, at(base.plusNanos(i * 1000L)));
        }
        ActionQuery query = log.actions(user).all();
        ActionPage first = query.page(2);
        assertThat(verbs(query.after(first.nextCursor()).page(2))).containsExactly("t1", "t0");
    }

    private static List<String> verbs(ActionPage page) {
        return page.actions().stream().map(Action::verb).toList();
    }
}
