/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.actrack.Action;
import org.actrack.ActrackSettings;
import org.actrack.Level;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** Levels from the settings replace the defaults; the default and readable levels are honoured. */
class CustomLevelsTest extends ActrackContractTest {

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder()
                .levels(List.of(new Level("QUIET", 5), new Level("NORMAL", 15), new Level("LOUD", 25)))
                .defaultLevel("NORMAL")
                .readableLevel("LOUD")
                .build();
    }

    @Test
    void customLevelsAreUsedByNameAndTheDefaultsAreGone() {
        User user = user("user");
        log.log(user, "plain");
        log.log(user, "loud", level("loud"));

        assertThat(everything(log.actions(user).all()))
                .extracting(Action::level)
                .containsExactly(25, 15);
        assertThatThrownBy(() -> log.log(user, "info", level("INFO"))).hasMessageContaining("Unknown level 'INFO'");
    }

    @Test
    void feedShowsOnlyTheConfiguredReadableLevelAndAbove() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        log.log(writer, "plain");
        log.log(writer, "loud", level("LOUD"));

        assertThat(everything(log.actions(reader).feed()))
                .extracting(Action::verb)
                .containsExactly("loud");
    }
}
