/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.actrack.ObjectRef;
import org.actrack.engine.JsonData;
import org.actrack.engine.Problem;
import org.actrack.engine.model.OutboxEntity;
import org.actrack.engine.model.UtcInstantConverter;
import org.actrack.engine.sql.JdbcBatch;
import org.actrack.engine.sql.ProviderHooks;

/**
 * The outbox's events ({@code actrack.outbox=true}): a row of {@code actrack_outbox} per stored action, and per update
 * of a stored action by grouping, written in the transaction that stores it, so that an event exists if and only if
 * what it tells of committed. Each row carries a CloudEvent 1.0 in the JSON event format (the {@code payload}), with
 * the columns Debezium's outbox event router reads. A transaction writes one event per action: a later merge in the
 * same transaction rewrites its event, and an action combined away before the commit takes its event with it.
 */
public final class OutboxEvents {

    /** The {@code aggregatetype} of every event: Debezium's router names its topic after it. */
    public static final String AGGREGATE_TYPE = "actrack.action";
    /** The CloudEvents {@code type} of a stored action. */
    public static final String LOGGED = "org.actrack.action.logged";
    /** The start of the event id of an action logged with a foreign id. */
    public static final String FOREIGN = "actrack-foreign-";
    /** The CloudEvents {@code type} of a stored action that grouping changed. */
    public static final String UPDATED = "org.actrack.action.updated";

    private static final String INSERT_COLUMNS = "INSERT INTO actrack_outbox (id, aggregatetype, aggregateid, type,"
            + " payload, created_at, state, attempts) VALUES ";
    /** The columns an event binds. */
    private static final int COLUMNS = 6;

    private static final String INSERT = INSERT_COLUMNS + values(0);
    /** The longest event id: {@code actrack-action-<id>-<uuid>}. */
    private static final int MAX_ID_LENGTH = 80;
    /** The longest instant as text (a year of more than four digits, nanoseconds). */
    private static final int MAX_TIME_LENGTH = 40;
    /** The most rows one statement inserts. */
    public static final int ROWS_PER_INSERT = 100;

    private static final String UPDATE = "UPDATE actrack_outbox SET payload = ?1 WHERE id = ?2";
    private static final String DELETE = "DELETE FROM actrack_outbox WHERE id = ?1";

    private final String source;
    private final Clock clock;
    private final JsonData json;
    private final ProviderHooks provider;
    private final UtcInstantConverter instants = new UtcInstantConverter();

    public OutboxEvents(String source, Clock clock, JsonData json, ProviderHooks provider) {
        this.source = source;
        this.clock = clock;
        this.json = json;
        this.provider = provider;
    }

    /** An event about to be written: its id, and the statement that writes it. */
    record Event(String id, JdbcBatch.Statement insert) {}

    /**
     * The event of a new action, stable per action: {@code actrack-action-<id>}, or {@code actrack-foreign-<foreign id>}
     * for an action logged with one, which stays the same however many times the application logs it.
     */
    Event logged(long actionId, PendingAction action) {
        String id = action.foreignId() != null ? FOREIGN + action.foreignId() : "actrack-action-" + actionId;
        return event(id, LOGGED, actionId, action, action.timestamp());
    }

    /** The event of an update of a stored action by grouping: {@code actrack-action-<id>-<uuid>}. */
    Event updated(long actionId, PendingAction merged) {
        return event(
                "actrack-action-" + actionId + "-" + UUID.randomUUID(), UPDATED, actionId, merged, clock.instant());
    }

    /**
     * Refuses, before anything is written, an action whose event would not fit the payload column. An action whose
     * event cannot be that long (most: the bound counts every character of its texts six times, as {@code \\u} escapes)
     * costs no event; the others' event is built with the longest id an action can have.
     */
    void checkFits(PendingAction action) {
        if (longestPayload(action) <= OutboxEntity.PAYLOAD_LENGTH) {
            return;
        }
        payload(
                "actrack-action-" + Long.MAX_VALUE + "-" + UUID.randomUUID(),
                UPDATED,
                Long.MAX_VALUE,
                action,
                action.timestamp());
    }

    /**
     * At least the length of the action's event, whatever its id: the envelope's fixed text, every text escaped at
     * its longest, the numbers at their longest, and the action's data as the action's row holds it.
     */
    private long longestPayload(PendingAction action) {
        List<ObjectRef> refs = new ArrayList<>(action.targets());
        refs.addAll(action.related());
        if (action.actor() != null) {
            refs.add(action.actor());
        }
        long texts = source.length()
                + (action.foreignId() == null ? 0 : 2L * action.foreignId().length())
                + UPDATED.length()
                + 2L * subject(action).length()
                + action.verb().length();
        for (ObjectRef ref : refs) {
            texts += ref.type().length() + (ref.id() == null ? 0 : ref.id().length());
        }
        long envelope = 400 + 2L * MAX_ID_LENGTH + 2L * MAX_TIME_LENGTH + 40L * refs.size();
        return envelope + 6 * texts + json.write(action.data()).length();
    }

    /**
     * Writes events in the transaction of {@code em}: up to {@value #ROWS_PER_INSERT} in one multi-row {@code INSERT}
     * (portable SQL), which costs the database a fraction of as many one-row inserts of a JDBC batch; the outbox's
     * rows are long, and with one statement per row they made the outbox cost 1.29 times logging without it (W1).
     */
    void write(EntityManager em, List<Event> events) {
        List<JdbcBatch.Statement> inserts = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            inserts.add(rows(events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT))));
        }
        provider.executeAll(em, new JdbcBatch(true), inserts);
    }

    /** One {@code INSERT} of the events' rows. */
    private static JdbcBatch.Statement rows(List<Event> events) {
        if (events.size() == 1) {
            return events.get(0).insert();
        }
        StringBuilder sql = new StringBuilder(INSERT_COLUMNS);
        List<Object> parameters = new ArrayList<>(events.size() * COLUMNS);
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(values(i * COLUMNS));
            parameters.addAll(events.get(i).insert().parameters());
        }
        return new JdbcBatch.Statement(sql.toString(), parameters);
    }

    /** The values of one row, its parameters numbered from {@code first + 1}. */
    private static String values(int first) {
        StringBuilder row = new StringBuilder("(");
        for (int i = 1; i <= COLUMNS; i++) {
            row.append('?').append(first + i).append(", ");
        }
        return row.append("'PENDING', 0)").toString();
    }

    /** Rewrites an event of this transaction with what its action became since. */
    void rewrite(EntityManager em, String id, long actionId, PendingAction now) {
        String type = id.equals("actrack-action-" + actionId) || id.startsWith(FOREIGN) ? LOGGED : UPDATED;
        Instant time = type.equals(LOGGED) ? now.timestamp() : clock.instant();
        native1(em, UPDATE, List.of(payload(id, type, actionId, now, time), id));
    }

    /** Removes an event of this transaction whose action will not be stored after all (combined away). */
    void remove(EntityManager em, String id) {
        native1(em, DELETE, List.of(id));
    }

    private void native1(EntityManager em, String sql, List<Object> parameters) {
        jakarta.persistence.Query query = em.createNativeQuery(sql).setFlushMode(FlushModeType.COMMIT);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        query.executeUpdate();
    }

    private Event event(String id, String type, long actionId, PendingAction action, Instant time) {
        return new Event(
                id,
                new JdbcBatch.Statement(
                        INSERT,
                        List.of(
                                id,
                                AGGREGATE_TYPE,
                                subject(action),
                                type,
                                payload(id, type, actionId, action, time),
                                instants.convertToDatabaseColumn(clock.instant()))));
    }

    /** The action's first target, else its actor, else the action itself: the key that orders its events. */
    static String subject(PendingAction action) {
        if (!action.targets().isEmpty()) {
            return action.targets().get(0).key();
        }
        return action.actor() != null ? action.actor().key() : "actrack-action";
    }

    /**
     * The CloudEvent, JSON event format (application/cloudevents+json), written by hand around the action's data as
     * JSON-B writes it for the action's own row: building the envelope through JSON-B made the outbox cost half the
     * time of logging (W1).
     */
    private String payload(String id, String type, long actionId, PendingAction action, Instant time) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"specversion\":\"1.0\",\"id\":");
        text(json, id).append(",\"source\":");
        text(json, source).append(",\"type\":");
        text(json, type).append(",\"subject\":");
        text(json, subject(action)).append(",\"time\":");
        text(json, time.toString()).append(",\"datacontenttype\":\"application/json\",\"data\":");
        // The action as actrack-rest's plain JSON shows it, objects by type and id.
        json.append("{\"id\":").append(actionId).append(",\"verb\":");
        text(json, action.verb()).append(",\"level\":").append(action.level());
        if (action.foreignId() != null) {
            text(json.append(",\"foreignId\":"), action.foreignId());
        }
        json.append(",\"published\":");
        text(json, action.timestamp().toString()).append(",\"actor\":");
        if (action.actor() == null) {
            json.append("null");
        } else {
            object(json, action.actor());
        }
        json.append(",\"targets\":");
        objects(json, action.targets()).append(",\"related\":");
        objects(json, action.related())
                .append(",\"data\":")
                .append(this.json.write(action.data()))
                .append("}}");
        if (json.length() > OutboxEntity.PAYLOAD_LENGTH) {
            throw Problem.EVENT_TOO_LONG.exception(actionId, json.length(), OutboxEntity.PAYLOAD_LENGTH);
        }
        return json.toString();
    }

    private static StringBuilder objects(StringBuilder json, List<ObjectRef> refs) {
        json.append('[');
        for (int i = 0; i < refs.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            object(json, refs.get(i));
        }
        return json.append(']');
    }

    private static void object(StringBuilder json, ObjectRef ref) {
        json.append("{\"type\":");
        text(json, ref.type()).append(",\"id\":");
        if (ref.id() == null) {
            json.append("null");
        } else {
            text(json, ref.id());
        }
        json.append('}');
    }

    /** A JSON string (RFC 8259: quote, backslash and control characters escaped). */
    private static StringBuilder text(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
