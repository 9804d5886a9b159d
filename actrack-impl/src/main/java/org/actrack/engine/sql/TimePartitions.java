/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's declarative partitions of actrack's tables by action time ({@code V12_1__partition_by_time.sql},
 * docs/schema.md "Time partitions"): finding them, and dropping the whole ones that hold only actions older than a
 * time. The other databases, and a PostgreSQL schema without partitions, have none: nothing is dropped.
 *
 * <p>A partition goes when its range ends at or before the time: first the references' and the unread marks'
 * partitions (the references point at the actions), then what other tables keep of those actions by time (actions
 * unread by position, read marks, foreign ids), then the actions' own. Each is detached, then dropped: PostgreSQL
 * takes an exclusive lock on the partitioned table for that, held until the transaction ends: prune drops partitions in a
 * unit of work of its own, before it deletes the rest.
 */
public final class TimePartitions {

    /** The partitioned tables, in the order their partitions go. */
    private static final List<String> PARTITIONED = List.of("actrack_action_ref", "actrack_unread", "actrack_action");

    /** The tables that keep an action's time beside its id and are not partitioned: their rows of a range go too. */
    private static final List<String> BY_TIME = List.of("actrack_broadcast", "actrack_read_mark", "actrack_foreign_id");

    private static final Pattern RANGE = Pattern.compile("FOR VALUES FROM \\('([^']+)'\\) TO \\('([^']+)'\\)");

    private static final DateTimeFormatter BOUND = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    private TimePartitions() {}

    /** One partition: its table, its parent, and the range of action times it holds. */
    private record Partition(String parent, String table, LocalDateTime from, LocalDateTime to) {}

    /**
     * Drops every partition of actrack's partitioned tables whose range ends at or before {@code olderThan}.
     *
     * @return how many actions the dropped partitions held
     */
    public static long dropBefore(EntityManager em, Instant olderThan) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(olderThan, ZoneOffset.UTC);
        List<Partition> whole = new ArrayList<>();
        for (Partition partition : partitions(em)) {
            if (!partition.to().isAfter(cutoff)) {
                whole.add(partition);
            }
        }
        if (whole.isEmpty()) {
            return 0;
        }
        List<String> byTime =
                BY_TIME.stream().filter(table -> exists(em, table)).toList();
        long actions = 0;
        for (String parent : PARTITIONED) {
            for (Partition partition : whole) {
                if (!partition.parent().equals(parent)) {
                    continue;
                }
                if (parent.equals("actrack_action")) {
                    actions += count(em, partition.table());
                    // Rows of the range in the other tables' partitions that stay (partitioned with other ranges, or
                    // their default partition) would keep the actions' partition from going.
                    for (String table : List.of("actrack_action_ref", "actrack_unread")) {
                        deleteRange(em, table, partition);
                    }
                    for (String table : byTime) {
                        deleteRange(em, table, partition);
                    }
                }
                execute(em, "ALTER TABLE " + parent + " DETACH PARTITION " + quoted(partition.table()));
                execute(em, "DROP TABLE " + quoted(partition.table()));
            }
        }
        return actions;
    }

    /** The range partitions of actrack's partitioned tables in the current schema; none when they are not partitioned. */
    private static List<Partition> partitions(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.relname, c.relname, pg_get_expr(c.relpartbound, c.oid)"
                        + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
                        + " WHERE p.relnamespace = current_schema()::regnamespace"
                        + " AND p.relname IN ('actrack_action', 'actrack_action_ref', 'actrack_unread')"
                        + " ORDER BY 3")
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        List<Partition> partitions = new ArrayList<>();
        for (Object[] row : rows) {
            Matcher range = RANGE.matcher(String.valueOf(row[2]));
            if (range.matches()) {
                partitions.add(new Partition(
                        (String) row[0],
                        (String) row[1],
                        LocalDateTime.parse(range.group(1), BOUND),
                        LocalDateTime.parse(range.group(2), BOUND)));
            }
        }
        return partitions;
    }

    private static long count(EntityManager em, String table) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + quoted(table))
                        .setFlushMode(FlushModeType.COMMIT)
                        .getSingleResult())
                .longValue();
    }

    private static boolean exists(EntityManager em, String table) {
        return em.createNativeQuery("SELECT to_regclass(?1)::text")
                        .setFlushMode(FlushModeType.COMMIT)
                        .setParameter(1, table)
                        .getSingleResult()
                != null;
    }

    private static void deleteRange(EntityManager em, String table, Partition partition) {
        em.createNativeQuery("DELETE FROM " + table + " WHERE action_time >= ?1 AND action_time < ?2")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, partition.from())
                .setParameter(2, partition.to())
                .executeUpdate();
    }

    private static void execute(EntityManager em, String statement) {
        em.createNativeQuery(statement).setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }

    /** A partition's name as an identifier: pg_partman's names are plain, but a name chosen by hand may not be. */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
