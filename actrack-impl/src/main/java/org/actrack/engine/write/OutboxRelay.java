/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.model.UtcInstantConverter;
import org.actrack.engine.read.ActionSelection;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ExportedEvent;

/**
 * The outbox relay: hands the outbox's events to an {@link ActionExporter} and deletes them once it returned. A round
 * claims up to a batch of events in a short transaction of its own, exports them outside any transaction, then settles
 * them in another: delivered events are deleted; after a failure each counts an attempt and waits (1 s, doubling, at
 * most 15 minutes) before the next, and after the last attempt is left aside as {@code DEAD}.
 *
 * <p>Several nodes share the work: a claim is a conditional update that only one node wins (the event's
 * {@code claimed_until} lies in the future afterwards), so no event is delivered by two nodes at once; a node that dies
 * holding a claim leaves it to expire ({@link #CLAIM}) and another node delivers the event again (at least once). Only
 * the oldest pending event of each subject is claimable, so one subject's events are delivered in the order they were
 * written (by {@code created_at}, then id), one per round; an event dead or delivered unblocks the next.
 */
public final class OutboxRelay {

    /** How long a node holds a claim: longer than an export may take. */
    public static final Duration CLAIM = Duration.ofMinutes(2);

    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final int ERROR_LENGTH = 255;

    /** The due events, oldest first; {@code %s} is the outbox walked by its creation time ({@link SqlDialect#walking}). */
    private static final String DUE = "SELECT o.id, o.type, o.aggregateid, o.created_at, o.attempts, o.payload"
            + " FROM %s WHERE o.state = 'PENDING'"
            + " AND (o.next_attempt_at IS NULL OR o.next_attempt_at <= ?1)"
            + " AND (o.claimed_until IS NULL OR o.claimed_until < ?1)"
            + " AND NOT EXISTS (SELECT 1 FROM actrack_outbox p WHERE p.aggregateid = o.aggregateid"
            + " AND p.state = 'PENDING' AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.id < o.id)))"
            + " ORDER BY o.created_at, o.id";
    // The state first: MariaDB evaluates an UPDATE's assignments left to right, the others all on the old row.
    private static final String FAILED = "UPDATE actrack_outbox SET"
            + " state = CASE WHEN attempts + 1 >= ?1 THEN 'DEAD' ELSE 'PENDING' END, attempts = attempts + 1,"
            + " next_attempt_at = ?2, last_error = ?3, claimed_by = NULL, claimed_until = NULL"
            + " WHERE id = ?4 AND claimed_by = ?5";

    private final UnitOfWork unitOfWork;
    private final SqlDialect.Detection dialects;
    private final String unit;
    private final Clock clock;
    private final int batch;
    private final int maxAttempts;
    private final UtcInstantConverter instants = new UtcInstantConverter();

    public OutboxRelay(
            UnitOfWork unitOfWork,
            String unit,
            Clock clock,
            int batch,
            int maxAttempts,
            SqlDialect.Detection dialects) {
        this.dialects = dialects;
        this.unitOfWork = unitOfWork;
        this.unit = unit;
        this.clock = clock;
        this.batch = batch;
        this.maxAttempts = maxAttempts;
    }

    /** Runs work in a transaction of its own (the integration's: a JTA {@code REQUIRES_NEW}, say). */
    @FunctionalInterface
    public interface Transactions {
        <T> T inNewTransaction(Supplier<T> work);
    }

    /**
     * What a round did.
     *
     * @param delivered the events exported and deleted
     * @param failed the events whose export failed: counted an attempt each, to come again later
     * @param dead of those, the ones that had their last attempt
     * @param failure why the export failed, {@code null} when it did not
     */
    public record Round(
            List<ExportedEvent> delivered, List<ExportedEvent> failed, List<ExportedEvent> dead, Exception failure) {

        static final Round IDLE = new Round(List.of(), List.of(), List.of(), null);

        /** Whether the round found nothing due. */
        public boolean idle() {
            return delivered.isEmpty() && failed.isEmpty();
        }
    }

    /**
     * One round: claims what is due for {@code node}, exports it, settles it.
     *
     * @param node this node's name in the claims, unique among the nodes that share the table
     * @return what the round did; an exporter's exception is returned in it, not thrown
     * @throws RuntimeException when the database refused a step: the claimed events come again after {@link #CLAIM}
     */
    public Round relayOnce(String node, ActionExporter exporter, Transactions transactions) {
        List<ExportedEvent> events = transactions.inNewTransaction(
                () -> unitOfWork.write(unit, "claiming outbox events", em -> claim(em, node)));
        if (events.isEmpty()) {
            return Round.IDLE;
        }
        Exception failure = null;
        try {
            exporter.export(List.copyOf(events));
        } catch (Exception e) {
            failure = e;
        }
        Exception failed = failure;
        transactions.inNewTransaction(() -> unitOfWork.write(unit, "settling outbox events", em -> {
            settle(em, node, events, failed);
            return null;
        }));
        if (failed != null) {
            return new Round(
                    List.of(),
                    events,
                    events.stream()
                            .filter(event -> event.attempt() >= maxAttempts)
                            .toList(),
                    failed);
        }
        return new Round(events, List.of(), List.of(), null);
    }

    /**
     * The events not yet delivered nor dead, counted up to {@code countUpTo} (a capped sub-select: a huge backlog costs
     * the cap), and when the oldest was written (the walk of {@code actrack_outbox_created_ix} up to the first pending).
     */
    public Backlog backlog(EntityManager em, int countUpTo) {
        Object count = em.createNativeQuery(
                        "SELECT COUNT(*) FROM (SELECT id FROM actrack_outbox WHERE state = 'PENDING'" + " LIMIT "
                                + countUpTo + ") pending")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        Object oldest = em.createNativeQuery("SELECT MIN(created_at) FROM actrack_outbox WHERE state = 'PENDING'")
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        return new Backlog(((Number) count).longValue(), oldest == null ? null : ActionSelection.instant(oldest));
    }

    /** The outbox's backlog: pending events (up to a cap) and the time of the oldest, {@code null} when none. */
    public record Backlog(long pending, Instant oldest) {}

    /**
     * Claims the due events: one read of what is due (the oldest of each subject), then one {@code UPDATE} per 200 ids
     * that takes those still unclaimed (the ids as an array, or on MariaDB an {@code IN} list: {@link SqlDialect#oneOf}),
     * then one read of which of them this round won (its claim's expiry is its own).
     */
    private List<ExportedEvent> claim(EntityManager em, String node) {
        // Microseconds, as the column keeps them: the round finds its claims again by their expiry.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Object until = instants.convertToDatabaseColumn(now.plus(CLAIM));
        Object at = instants.convertToDatabaseColumn(now);
        Query due = em.createNativeQuery(
                        DUE.formatted(dialects.of(em).walking("actrack_outbox", "o", "actrack_outbox_created_ix")))
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, at)
                .setMaxResults(batch);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : due.getResultList()) {
            rows.add((Object[]) row);
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(columns -> (String) columns[0]).toList();
        // Chunks a list of placeholders can hold: MariaDB plans a short IN list on the primary key, but scans the table
        // for an UPDATE whose ids come from a sub-select (JSON_TABLE).
        for (List<String> chunk : chunks(ids)) {
            List<Object> parameters = new ArrayList<>(List.of(node, until));
            String listed = dialects.of(em).oneOf("id", chunk, parameters);
            parameters.add(at);
            execute(
                    em,
                    "UPDATE actrack_outbox SET claimed_by = ?, claimed_until = ? WHERE " + listed
                            + " AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)",
                    parameters);
        }
        java.util.Set<String> won = new java.util.HashSet<>();
        for (Object id : em.createNativeQuery(
                        "SELECT id FROM actrack_outbox WHERE claimed_by = ?1 AND claimed_until = ?2")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, node)
                .setParameter(2, until)
                .getResultList()) {
            won.add((String) id);
        }
        List<ExportedEvent> claimed = new ArrayList<>(won.size());
        for (Object[] columns : rows) {
            if (won.contains((String) columns[0])) {
                claimed.add(new ExportedEvent(
                        (String) columns[0],
                        (String) columns[1],
                        (String) columns[2],
                        ActionSelection.instant(columns[3]),
                        ((Number) columns[4]).intValue() + 1,
                        (String) columns[5]));
            }
        }
        return claimed;
    }

    /** Delivered: one {@code DELETE} per 200 ids. Failed: each event's attempt counted, one statement each. */
    private void settle(EntityManager em, String node, List<ExportedEvent> events, Exception failure) {
        if (failure == null) {
            for (List<String> chunk :
                    chunks(events.stream().map(ExportedEvent::id).toList())) {
                List<Object> parameters = new ArrayList<>(List.of(node));
                String listed = dialects.of(em).oneOf("id", chunk, parameters);
                execute(em, "DELETE FROM actrack_outbox WHERE claimed_by = ? AND " + listed, parameters);
            }
            return;
        }
        Instant now = clock.instant();
        for (ExportedEvent event : events) {
            em.createNativeQuery(FAILED)
                    .setParameter(1, maxAttempts)
                    .setParameter(2, instants.convertToDatabaseColumn(now.plus(wait(event.attempt()))))
                    .setParameter(3, error(failure))
                    .setParameter(4, event.id())
                    .setParameter(5, node)
                    .setFlushMode(FlushModeType.COMMIT)
                    .executeUpdate();
        }
    }

    /** Lists of at most {@link SqlDialect#MAX_PLACEHOLDERS} ids. */
    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += SqlDialect.MAX_PLACEHOLDERS) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + SqlDialect.MAX_PLACEHOLDERS)));
        }
        return chunks;
    }

    private static void execute(EntityManager em, String sql, List<Object> parameters) {
        Query statement = em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setParameter(i + 1, parameters.get(i));
        }
        statement.executeUpdate();
    }

    /** 1 s after the first failure, twice as long after each next, at most {@link #LONGEST_WAIT}. */
    static Duration wait(int attempt) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String error(Exception failure) {
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
    }
}
