/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.at;
import static org.actrack.Options.data;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.RenderContext;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Integration;
import org.junit.jupiter.api.Test;

/** Spec §12 scenario 23 (render.py), the default wording, §0.8 (rendering without an actor) and localisation. */
class RenderTest extends ActrackContractTest {

    @Test
    void actionRendersAsTextAndTimeSince() {
        User user0 = user("user0");
        Project project = project("project");
        Task task = task("task", project);
        log.log(user0, "created", targets(task), related(project));

        Action action = log.actions(user0).all().list(1).get(0);

        assertThat(log.render(action, RenderContext.empty()))
                .isEqualTo("user0 created task in relation to project, 0\u00a0minutes ago");
    }

    @Test
    void targetsAreListedInWords() {
        User user = user("user");
        Project project = project("p");
        List<Task> tasks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            tasks.add(task("t" + i, project));
        }
        log.log(user, "none");
        log.log(user, "one", targets(tasks.subList(0, 1)));
        log.log(user, "two", targets(tasks.subList(0, 2)));
        log.log(user, "three", targets(tasks.subList(0, 3)));
        log.log(user, "five", targets(tasks));

        List<String> texts = log.actions(user).all().list(10).stream()
                .map(action ->
                        log.unwrap(Integration.class).handler(action.verb()).text(action, RenderContext.empty()))
                .toList();

        assertThat(texts)
                .containsExactly(
                        "user five t1, t2 and 3 others",
                        "user three t1, t2 and t3",
                        "user two t1 and t2",
                        "user one t1",
                        "user none");
    }

    @Test
    void actionWithoutActorRenders() {
        Project project = project("project");
        log.log(null, "was archived", targets(project));

        Action action = log.actions(project).all().list(1).get(0);

        assertThat(log.render(action, RenderContext.empty())).startsWith("was archived project, ");
    }

    @Test
    void timeInfoUsesTheLargestUnitAndTheNextOne() {
        User user = user("user");
        log.log(user, "old", at(START.minus(Duration.ofDays(1)).minus(Duration.ofHours(3))));
        log.log(user, "recent", at(START.minus(Duration.ofMinutes(5))));
        log.log(user, "weeks", at(START.minus(Duration.ofDays(15))));
        RenderContext now = RenderContext.empty().withNow(START);

        Map<String, String> infos = new java.util.HashMap<>();
        log.actions(user)
                .all()
                .list(10)
                .forEach(a -> infos.put(
                        a.verb(),
                        log.unwrap(Integration.class).handler(a.verb()).timeInfo(a, now)));

        assertThat(infos)
                .containsEntry("old", "1\u00a0day, 3\u00a0hours ago")
                .containsEntry("recent", "5\u00a0minutes ago")
                .containsEntry("weeks", "2\u00a0weeks, 1\u00a0day ago");
    }

    @Test
    void renderContextHoldsTheActionItsDataAndTheUnreadState() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        log.log(writer, "wrote", data("words", 12));
        Action action = log.actions(reader).feed().list(1).get(0);
        ActionHandler handler = log.unwrap(Integration.class).handler(action.verb());

        Map<String, Object> values = handler.renderContext(
                action, RenderContext.forUser(reader).withUnread(true).with("x", 1));

        assertThat(values)
                .containsEntry("action", action)
                .containsEntry("data", action.data())
                .containsEntry("handler", handler)
                .containsEntry("user", reader)
                .containsEntry("unread", true)
                .containsEntry("x", 1);
    }

    @Test
    void renderingForAUserReportsItWasUnread() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        log.log(writer, "wrote");
        Action action = log.actions(reader).feed().list(1).get(0);
        List<Boolean> seen = new ArrayList<>();
        ActionLogWithHandler custom = new ActionLogWithHandler(seen);

        Actrack.builder()
                .entityManagerFactory(database.factory())
                .clock(clock)
                .handlers(verb -> custom)
                .build()
                .render(action, reader);

        assertThat(seen).containsExactly(true);
    }

    @Test
    void textIsLocalisedThroughTheResourceBundle() {
        User user0 = user("user0");
        Project project = project("project");
        Task one = task("a", project);
        Task two = task("b", project);
        log.log(user0, "created", targets(one, two), related(project));
        Action action = log.actions(user0).all().list(1).get(0);

        assertThat(log.render(action, RenderContext.empty().withLocale(Locale.FRENCH)))
                .isEqualTo("user0 created a et b en lien avec project, il y a 0\u00a0minute");
    }

    /** A handler that records the unread state it is rendered with. */
    private static final class ActionLogWithHandler implements ActionHandler {
        private final List<Boolean> seen;

        ActionLogWithHandler(List<Boolean> seen) {
            this.seen = seen;
        }

        @Override
        public String render(Action action, RenderContext context) {
            seen.add(context.unread());
            return "";
        }
    }
}
