/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionStream;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Custom streams ({@code Streams.named}): django-activity-stream's "Writing Custom Streams" example,
 * {@code mystream(obj, verb='posted', time=None)}, written once and read by name with its arguments.
 */
class CustomStreamsTest extends ActrackContractTest {

    /** {@code obj.actor_actions.filter(verb=verb, timestamp__lte=time)}. */
    private static final ActionStream MYSTREAM = (streams, subject, arguments) -> streams.actor(subject)
            .verbs(arguments.text("verb", "posted"))
            .until(arguments.instant("time", Instant.parse("2100-01-01T00:00:00Z")));

    private User alice;
    private User bob;
    private Project blog;

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return Actrack.builder().entityManagerFactory(factory).settings(settings).clock(testClock).stream(
                        "mystream", MYSTREAM)
                .stream("nothing", (streams, subject, arguments) -> null)
                .build();
    }

    @BeforeEach
    void aliceAndBobWriteOnABlog() {
        alice = user("alice");
        bob = user("bob");
        blog = project("blog");
        log.log(alice, "posted", targets(blog));
        clock.advance(Duration.ofMinutes(1));
        log.log(alice, "commented", targets(blog));
        clock.advance(Duration.ofMinutes(1));
        log.log(bob, "posted", targets(blog));
        clock.advance(Duration.ofMinutes(1));
        log.log(alice, "posted", targets(blog));
    }

    @Test
    void aNamedStreamReadsWithItsDefaultArguments() {
        List<Action> posts = log.streams().named("mystream", alice).list(10);

        assertThat(posts).extracting(Action::verb).containsExactly("posted", "posted");
        assertThat(posts)
                .allSatisfy(action ->
                        assertThat(action.actor().map(Object::toString)).contains("alice"));
    }

    @Test
    void argumentsGivenAsObjectsOrAsTextReadTheSame() {
        Instant second = START.plus(Duration.ofSeconds(90));

        List<Action> typed = log.streams()
                .named("mystream", alice, Map.of("verb", "commented", "time", second))
                .list(10);
        List<Action> texts = log.streams()
                .named("mystream", alice, Map.of("verb", List.of("commented"), "time", second.toString()))
                .list(10);

        assertThat(typed).extracting(Action::verb).containsExactly("commented");
        assertThat(texts)
                .extracting(Action::id)
                .isEqualTo(typed.stream().map(Action::id).toList());
        assertThat(log.streams()
                        .named("mystream", alice, Map.of("time", START.plusSeconds(30)))
                        .list(10))
                .as("only what alice posted in the first half minute")
                .hasSize(1);
    }

    @Test
    void theQueryOfAStreamTakesFurtherFiltersAndPagesByKeyset() {
        ActionPage first = log.streams().named("mystream", alice).page(1);
        ActionPage second =
                log.streams().named("mystream", alice).after(first.nextCursor()).page(1);

        assertThat(first.actions()).hasSize(1);
        assertThat(second.actions()).hasSize(1);
        assertThat(second.actions().get(0).timestamp())
                .isBefore(first.actions().get(0).timestamp());
        assertThat(log.streams()
                        .named("mystream", alice)
                        .since(START.plusSeconds(1))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theNamesAreListed() {
        assertThat(log.streams().names()).containsExactly("mystream", "nothing");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheStreamsThereAre() {
        assertThatThrownBy(() -> log.streams().named("mystrem", alice))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-132")
                .hasMessageContaining("'mystrem'")
                .hasMessageContaining("mystream, nothing");
    }

    @Test
    void anArgumentOfTheWrongFormIsRefusedNamingItAndItsValue() {
        assertThatThrownBy(() -> log.streams().named("mystream", alice, Map.of("time", "yesterday")))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STREAM_ARGUMENT))
                .hasMessageContaining("'time'")
                .hasMessageContaining("'yesterday'")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> log.streams().named("mystream", alice, Map.of("verb", List.of("posted", "commented"))))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("'verb' was given 2 times");
    }

    @Test
    void aStreamThatReturnsNoQueryIsNamed() {
        assertThatThrownBy(() -> log.streams().named("nothing", alice))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-134")
                .hasMessageContaining("'nothing'");
    }

    @Test
    void aNullSubjectOrArgumentMapIsRefused() {
        assertThatThrownBy(() -> log.streams().named("mystream", null))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("subject of the stream 'mystream' is null");
        assertThatThrownBy(() -> log.streams().named("mystream", alice, null))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("arguments of the stream 'mystream' is null");
    }

    @Test
    void theBuilderRefusesAnInvalidOrRepeatedName() {
        assertThatThrownBy(() -> Actrack.builder().stream("My Stream", MYSTREAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'My Stream'");
        assertThatThrownBy(() -> Actrack.builder().stream("a", MYSTREAM).stream("a", MYSTREAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Two streams are named 'a'");
    }
}
