/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import org.actrack.ActionLog;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.Integration;

/**
 * The engine's {@link ActionLog}, with what integrations need besides: writing the actions a request
 * queue gathered.
 *
 * <p><strong>Internal:</strong> public only for actrack-cdi ({@link Actrack.Builder#buildEngine()}); not API, and may
 * change in any release. Applications use {@link org.actrack.ActionLog} ({@link Actrack.Builder#build()} without CDI).
 */
public interface ActrackEngine extends ActionLog, Integration {

    /**
     * Writes the actions waiting in a {@linkplain ActionQueue#forRequest() request queue}, grouping them
     * as they go, in the transaction active on each persistence unit's entity manager or in one of its
     * own. Afterwards {@link ActionQueue#stored()} lists what was written.
     */
    void flush(ActionQueue queue);

    /**
     * Writes the unread marks a {@linkplain ActionQueue#forTransactionWithCommitHook() transaction queue} still holds,
     * in its transaction, which is about to commit: one read of the trackers of its actions, then one JDBC batch of
     * statements for the actions someone follows. Sends native statements only (it never flushes the persistence context), so that it
     * may run in a JTA {@code beforeCompletion}. A failure makes the transaction roll back.
     */
    void beforeCommit(ActionQueue queue);

    /**
     * Prepares the persistence unit's JPA provider for actrack (see {@code ProviderHooks}: on EclipseLink, entities
     * removed through {@code orphanRemoval} are observed), as the first call of actrack would. actrack-cdi calls it
     * when the application starts, so that such a removal keeps its history before anything else used actrack.
     */
    void prepare();

    /**
     * The first half of {@link org.actrack.History#prune}, for an integration that runs each half in a transaction of
     * its own: drops the partitions of actrack's tables that hold only actions older than {@code olderThan} (PostgreSQL
     * partitioned by time; nothing elsewhere) and returns how many actions they held. The partitioned tables' lock
     * ends with this call's transaction instead of the whole prune's.
     *
     * @throws org.actrack.ActrackException ({@link org.actrack.ErrorCode#NULL_TIMESTAMP}) when {@code olderThan} is
     *         {@code null}
     */
    long dropOldPartitions(java.time.Instant olderThan);

    /**
     * The second half of {@link org.actrack.History#prune}: deletes the actions older than {@code olderThan} row by row
     * and returns how many it deleted.
     *
     * @throws org.actrack.ActrackException ({@link org.actrack.ErrorCode#NULL_TIMESTAMP}) when {@code olderThan} is
     *         {@code null}
     */
    long deleteOldActions(java.time.Instant olderThan);

    /**
     * The outbox relay of this log's persistence unit ({@code actrack.outbox}), for the integration that runs its
     * rounds (actrack-cdi: on Jakarta Concurrency's scheduled executor, when the application has an
     * {@link org.actrack.spi.ActionExporter}).
     */
    org.actrack.engine.write.OutboxRelay outboxRelay();
}
