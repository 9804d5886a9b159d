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
import java.util.ArrayList;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code before(cursor)} reads the actions newer than a position, and {@code cursorOf} makes a position of any action. */
class NewerActionsTest extends ActrackContractTest {

    private User reader;
    private User writer;
    private Project project;

    @BeforeEach
    void aReaderTrackingAWriterAndAProject() {
        reader = user("reader");
        writer = user("writer");
        project = project("project");
        log.track(reader, List.of(writer, project), actorOnly(false));
    }

    @Test
    void beforeTheCursorOfAnActionReadsTheActionsLoggedAfterIt() {
        log.log(writer, "first");
        Action seen = log.actions(reader).feed().list(1).get(0);
        log.log(writer, "second");
        log.log(user("other"), "about the project", targets(project));
        log.log(writer, "third");

        ActionQuery feed = log.actions(reader).feed();
        ActionPage arrived = feed.before(feed.cursorOf(seen)).page(10);

        assertThat(arrived.actions()).extracting(Action::verb).containsExactly("third", "about the project", "second");
        assertThat(arrived.hasNext()).isFalse();
    }

    @Test
    void pagesOfNewerActionsContinueTowardThePresentWithoutGapsOrRepeats() {
        log.log(writer, "0");
        ActionQuery feed = log.actions(reader).feed();
        Action oldest = feed.list(1).get(0);
        for (int i = 1; i <= 11; i++) {
            log.log(i % 2 == 0 ? writer : user("visitor " + i), String.valueOf(i), targets(project));
        }

        List<String> seen = new ArrayList<>();
        String position = feed.cursorOf(oldest);
        ActionPage page;
        do {
            page = feed.before(position).page(3);
            assertThat(page.actions().size()).isBetween(1, 3);
            List<String> verbs =
                    new ArrayList<>(page.actions().stream().map(Action::verb).toList());
            java.util.Collections.reverse(verbs);
            seen.addAll(verbs);
            position = page.nextCursor();
        } while (page.hasNext());

        assertThat(seen).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void actionsOfTheSameInstantAreOrderedByIdBothWays() {
        clock.tick(Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            log.log(writer, "at once " + i);
        }
        ActionQuery stream = log.actions(writer).asActor();
        List<Action> all = stream.list(5);
        Action middle = all.get(2);

        assertThat(stream.before(stream.cursorOf(middle)).page(5).actions())
                .containsExactlyElementsOf(all.subList(0, 2));
        assertThat(stream.after(stream.cursorOf(middle)).page(5).actions())
                .containsExactlyElementsOf(all.subList(3, 5));
    }

    @Test
    void thePreviousPageOfASecondPageIsTheFirstPage() {
        for (int i = 0; i < 7; i++) {
            log.log(writer, "posted " + i);
        }
        ActionQuery feed = log.actions(reader).feed();
        ActionPage first = feed.page(3);
        ActionPage second = feed.after(first.nextCursor()).page(3);

        ActionPage previous =
                feed.before(feed.cursorOf(second.actions().get(0))).page(3);

        assertThat(previous.actions()).containsExactlyElementsOf(first.actions());
        assertThat(previous.hasNext()).isFalse();
    }

    @Test
    void filtersApplyToNewerActions() {
        log.log(writer, "start");
        Action start = log.actions(reader).feed().list(1).get(0);
        log.log(writer, "kept");
        log.log(writer, "dropped");

        ActionQuery kept = log.actions(reader).feed().verbs("kept");

        assertThat(kept.before(kept.cursorOf(start)).page(5).actions())
                .extracting(Action::verb)
                .containsExactly("kept");
    }

    @Test
    void theLastPositionCalledCounts() {
        for (int i = 0; i < 3; i++) {
            log.log(writer, "posted " + i);
        }
        ActionQuery stream = log.actions(writer).asActor();
        List<Action> all = stream.list(3);
        String middle = stream.cursorOf(all.get(1));

        assertThat(stream.before(middle).after(middle).page(5).actions()).containsExactly(all.get(2));
        assertThat(stream.after(middle).before(middle).page(5).actions()).containsExactly(all.get(0));
        assertThat(stream.after(middle).before(null).page(5).actions()).containsExactlyElementsOf(all);
    }

    @Test
    void aCursorOfAnotherQueryIsRefusedBeforeAsAfter() {
        log.log(writer, "posted");
        Action action = log.actions(writer).asActor().list(1).get(0);
        String ofAnotherQuery = log.actions(writer).all().cursorOf(action);

        assertThatThrownBy(() ->
                        log.actions(writer).asActor().before(ofAnotherQuery).page(2))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR))
                .hasMessageContaining("belongs to another query");
    }

    @Test
    void aStreamCannotReadTowardNewerActions() {
        log.log(writer, "posted");
        ActionQuery stream = log.actions(writer).asActor();
        String position = stream.cursorOf(stream.list(1).get(0));

        assertThatThrownBy(() -> stream.before(position).stream(10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after(cursor)");
    }
}
