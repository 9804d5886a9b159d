/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event of the outbox ({@code actrack.outbox=true}): written with the action it tells of, in the same transaction,
 * with the columns Debezium's outbox event router reads. actrack writes these rows with SQL
 * ({@link org.actrack.engine.write.OutboxEvents}); the mapping declares the table, so that a schema JPA generates has
 * it. Not API.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackOutbox")
@Table(
        name = "actrack_outbox",
        indexes = {
            @Index(name = "actrack_outbox_created_ix", columnList = "created_at"),
            @Index(name = "actrack_outbox_subject_ix", columnList = "aggregateid, created_at")
        })
public class OutboxEntity {

    /** The longest event, in characters: the whole CloudEvent, the action's data (at most 8000) included. */
    public static final int PAYLOAD_LENGTH = 15_000;

    @Id
    @Column(name = "id", nullable = false, length = 100)
    private String id;

    @Column(name = "aggregatetype", nullable = false, length = 64)
    private String aggregateType;

    @Column(name = "aggregateid", nullable = false, length = ActionReferenceEntity.KEY_LENGTH)
    private String aggregateId;

    @Column(name = "type", nullable = false, length = 64)
    private String type;

    @Column(name = "payload", nullable = false, length = PAYLOAD_LENGTH)
    private String payload;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** {@code PENDING} until delivered (the row is then deleted), {@code DEAD} after the last failed attempt. */
    @Column(name = "state", nullable = false, length = 16)
    private String state;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error", length = 255)
    private String lastError;

    protected OutboxEntity() {}

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getAggregateId() {
        return aggregateId;
    }

    public String getPayload() {
        return payload;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }
}
