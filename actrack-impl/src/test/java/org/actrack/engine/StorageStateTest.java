/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.Integration;
import org.actrack.spi.StorageState;
import org.junit.jupiter.api.Test;

/** What a health check reads ({@link Integration#storageState}): the database answers, and the outbox's backlog. */
class StorageStateTest extends ActrackContractTest {

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().outbox(true).build();
    }

    @Test
    void theBacklogIsCountedUpToTheLimitWithTheTimeOfTheOldestEvent() {
        User alice = user("alice");
        Project project = project("project");
        java.time.Instant before = clock.peek();
        log.log(alice, "created", targets(project));
        java.time.Instant first = clock.peek();
        clock.advance(Duration.ofMinutes(1));
        log.log(alice, "edited", targets(project));
        log.log(alice, "closed", targets(project));
        Integration integration = log.unwrap(Integration.class);

        StorageState capped = integration.storageState(2);
        StorageState all = integration.storageState(100);

        assertThat(capped.reachable()).isTrue();
        assertThat(capped.problem()).isNull();
        assertThat(capped.pendingEvents()).isEqualTo(2);
        assertThat(all.pendingEvents()).isEqualTo(3);
        assertThat(all.oldestPending())
                .hasValueSatisfying(oldest -> assertThat(oldest).isBetween(before, first));
    }

    @Test
    void anEmptyOutboxHasNoOldestEvent() {
        StorageState state = log.unwrap(Integration.class).storageState(10);

        assertThat(state.reachable()).isTrue();
        assertThat(state.pendingEvents()).isZero();
        assertThat(state.oldestPending()).isEmpty();
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt() {
        Integration integration = log.unwrap(Integration.class);

        assertThatThrownBy(() -> integration.storageState(0)).hasMessageContaining("0");
        assertThatThrownBy(() -> integration.storageState(1_000_001)).hasMessageContaining("1000001");
    }
}
