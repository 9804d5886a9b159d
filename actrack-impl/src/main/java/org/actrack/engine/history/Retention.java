/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.history;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.List;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.sql.TimePartitions;

/**
 * Prunes old actions. On PostgreSQL with actrack's tables partitioned by time, whole partitions older than the time go
 * first ({@link TimePartitions}), whatever their size. What remains (every action on an unpartitioned schema) goes
 * the oldest first, {@link ActionDeletion#CHUNK} at a time, each chunk read from the start of
 * {@code actrack_action_time_ix (action_time, id)} and deleted through the primary key, so no statement holds more
 * than a chunk's rows, and a call with nothing to prune reads one index entry, however large the table.
 */
public final class Retention {

    private final SqlDialect.Detection dialects;

    public Retention(SqlDialect.Detection dialects) {
        this.dialects = dialects;
    }

    /**
     * Drops the partitions that hold only actions older than {@code olderThan} (PostgreSQL with actrack's tables
     * partitioned by time; nothing elsewhere) and returns how many actions they held. Its own unit of work where it can
     * be: the partitioned tables stay locked until it commits.
     */
    public long dropPartitions(EntityManager em, Instant olderThan) {
        return dialects.of(em) == SqlDialect.POSTGRESQL ? TimePartitions.dropBefore(em, olderThan) : 0;
    }

    /** Deletes every action older than {@code olderThan} row by row and returns how many it deleted. */
    public long deleteRows(EntityManager em, Instant olderThan) {
        long deleted = 0;
        List<Long> ids;
        do {
            ids = em.createQuery(
                            "SELECT a.id FROM ActrackAction a WHERE a.timestamp < :before ORDER BY a.timestamp, a.id",
                            Long.class)
                    .setParameter("before", olderThan)
                    .setMaxResults(ActionDeletion.CHUNK)
                    .getResultList();
            ActionDeletion.delete(em, FlushModeType.AUTO, ids);
            deleted += ids.size();
        } while (ids.size() == ActionDeletion.CHUNK);
        return deleted;
    }
}
