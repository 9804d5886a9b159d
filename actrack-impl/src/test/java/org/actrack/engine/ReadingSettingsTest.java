/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.Action;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** actrack.auto-read=false: marking read needs force; rendering reports unread state without clearing it. */
class ReadingSettingsTest extends ActrackContractTest {

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().autoRead(false).build();
    }

    @Test
    void withoutAutoReadOnlyAForcedMarkReadTakesEffect() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        log.log(writer, "wrote");
        Action action = log.actions(reader).feed().list(1).get(0);

        assertThat(log.unread(reader).markRead(action)).isFalse();
        assertThat(log.unread(reader).isUnread(action)).isTrue();
        log.render(action, reader);
        assertThat(log.unread(reader).isUnread(action))
                .as("rendering does not read")
                .isTrue();
        assertThat(log.unread(reader).markRead(action, true)).isTrue();
        assertThat(log.unread(reader).isUnread(action)).isFalse();
    }
}
