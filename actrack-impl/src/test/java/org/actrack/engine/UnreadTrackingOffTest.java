/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;

/** actrack.track-unread=false: nothing becomes unread, feeds are unchanged. */
class UnreadTrackingOffTest extends ActrackContractTest {

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().trackUnread(false).build();
    }

    @Test
    void nothingBecomesUnreadWhenUnreadTrackingIsOff() {
        User reader = user("reader");
        User writer = user("writer");
        log.track(reader, writer);
        log.log(writer, "wrote");

        assertThat(log.unread(reader).count()).isZero();
        assertThat(rows("actrack_unread")).isZero();
        assertThat(log.actions(reader).feed().count()).isEqualTo(1);
    }
}
