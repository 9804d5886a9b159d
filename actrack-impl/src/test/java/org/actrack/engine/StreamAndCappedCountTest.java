/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.at;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.actrack.Action;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** {@code stream(pageSize)} walks every page without cursors; {@code countUpTo(n)} stops counting at n. */
class StreamAndCappedCountTest extends ActrackContractTest {

    @Test
    void aStreamHasEveryActionNewestFirstAcrossPages() {
        User user = user("user");
        for (int i = 0; i < 7; i++) {
            log.log(user, "step" + i, at(START.minus(Duration.ofDays(40L * i))));
        }

        try (Stream<Action> all = log.actions(user).asActor().stream(3)) {
            assertThat(all.map(Action::verb))
                    .containsExactly("step0", "step1", "step2", "step3", "step4", "step5", "step6");
        }
    }

    @Test
    void aStreamReadsOnlyThePagesItIsAskedFor() {
        User user = user("user");
        for (int i = 0; i < 10; i++) {
            log.log(user, "step" + i);
        }

        database.statements().reset();
        Stream<Action> lazy = log.actions(user).asActor().stream(2);
        assertThat(database.statements().selects())
                .as("nothing is read before the stream is consumed")
                .isEmpty();
        List<String> firstThree = lazy.limit(3).map(Action::verb).toList();

        assertThat(firstThree).containsExactly("step9", "step8", "step7");
        long idSelections = database.statements().selects().stream()
                .filter(sql -> sql.contains("ORDER BY action_time DESC"))
                .count();
        assertThat(idSelections).as("two pages of two").isEqualTo(2);
    }

    @Test
    void aStreamOfAFeedStartsAfterTheCursorAndFollowsTheTrackers() {
        User reader = user("reader");
        User writer = user("writer");
        Project project = project("project");
        log.track(reader, writer);
        for (int i = 0; i < 5; i++) {
            log.log(writer, "wrote" + i, targets(project));
        }
        String cursor = log.actions(reader).feed().page(2).nextCursor();

        assertThat(log.actions(reader).feed().after(cursor).stream(1).map(Action::verb))
                .containsExactly("wrote2", "wrote1", "wrote0");
    }

    @Test
    void anEmptyQueryStreamsNothing() {
        assertThat(log.actions(user("nobody")).feed().stream(10)).isEmpty();
    }

    @Test
    void countUpToStopsAtTheLimitAndIsExactBelowIt() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        for (int i = 0; i < 12; i++) {
            log.log(writer, "wrote", at(START.minus(Duration.ofDays(i))), targets(project("p" + i)));
        }

        assertThat(log.actions(reader).feed().countUpTo(10)).isEqualTo(10);
        assertThat(log.actions(reader).feed().countUpTo(12)).isEqualTo(12);
        assertThat(log.actions(reader).feed().countUpTo(100))
                .isEqualTo(12)
                .isEqualTo(log.actions(reader).feed().count());
        assertThat(log.actions(writer).all().verbs("other").countUpTo(5)).isZero();
    }

    @Test
    void countUpToCountsAnActionMatchedSeveralTimesOnce() {
        User reader = user("reader");
        User writer = user("writer");
        Project project = project("project");
        log.track(reader, writer);
        log.track(reader, project);
        log.log(writer, "wrote", targets(project));
        log.log(writer, "wrote again", targets(project));

        assertThat(log.actions(reader).feed().countUpTo(10)).isEqualTo(2);
    }
}
