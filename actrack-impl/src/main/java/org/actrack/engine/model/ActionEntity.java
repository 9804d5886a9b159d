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
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One stored action. Its actor, targets and related objects are {@link ActionReferenceEntity} rows, the
 * table every action query runs on; the actor is also kept here so an action reads whole from one row.
 * Not API: applications use {@link org.actrack.Action}.
 *
 * <p>Queries select action ids through {@code actrack_action_ref} and then load actions by primary key.
 * {@code actrack_action_verb_time_ix (verb, action_time)} serves one query only: grouping a new action
 * without an actor with recent stored ones. {@code actrack_action_time_ix (action_time, id)} serves the reads of
 * the whole log in time order ({@link org.actrack.spi.Fanout#storedSince}: a node's live feeds read what is new once,
 * for all of them) and the oldest actions for retention.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackAction")
@Table(
        name = "actrack_action",
        indexes = {
            @Index(name = "actrack_action_verb_time_ix", columnList = "verb, action_time"),
            @Index(name = "actrack_action_time_ix", columnList = "action_time, id")
        })
public class ActionEntity {

    /** The width of the verb column. */
    public static final int VERB_LENGTH = 255;

    /**
     * The width of the JSON columns. A plain text column, not a {@code @Lob}: Hibernate maps a {@code @Lob}
     * string to a PostgreSQL large object, readable only inside a transaction, and 8,000 characters fit a
     * MariaDB row in utf8mb4.
     */
    public static final int JSON_LENGTH = 8000;
    /** The longest foreign id ({@code Options.foreignId}). */
    public static final int FOREIGN_ID_LENGTH = org.actrack.LogOption.MAX_FOREIGN_ID_LENGTH;

    // SEQUENCE, not IDENTITY: IDENTITY gives invalid DDL on H2 2 and PostgreSQL with EclipseLink 4.0.9.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actrack_action_seq")
    @SequenceGenerator(name = "actrack_action_seq", sequenceName = "actrack_action_seq", allocationSize = 100)
    private Long id;

    @Column(name = "actor_type", length = 255)
    private String actorType;

    @Column(name = "actor_id", length = 255)
    private String actorId;

    @Column(name = "verb", nullable = false, length = VERB_LENGTH)
    private String verb;

    @Column(name = "action_level", nullable = false)
    private int level;

    @Column(name = "data", nullable = false, length = JSON_LENGTH)
    private String data;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "action_time", nullable = false)
    private Instant timestamp;

    /** The application's own key of the action ({@code Options.foreignId}), unique among actions, or {@code null}. */
    @Column(name = "foreign_id", length = FOREIGN_ID_LENGTH, unique = true)
    private String foreignId;

    protected ActionEntity() {}

    public ActionEntity(String actorType, String actorId, String verb, int level, String data, Instant timestamp) {
        this.actorType = actorType;
        this.actorId = actorId;
        this.verb = verb;
        this.level = level;
        this.data = data;
        this.timestamp = timestamp;
    }

    public Long getId() {
        return id;
    }

    public String getForeignId() {
        return foreignId;
    }

    public void setForeignId(String foreignId) {
        this.foreignId = foreignId;
    }

    /**
     * Gives the row an id taken from {@code actrack_action_seq} by actrack itself, for a row actrack writes with
     * JDBC rather than through the provider (which assigns ids to the rows it persists).
     */
    public void assignId(long id) {
        this.id = id;
    }

    /** Points the row at another actor (the deleted item of a removed one) before it is written. */
    public void repointActor(String type, String id) {
        this.actorType = type;
        this.actorId = id;
    }

    public String getActorType() {
        return actorType;
    }

    public String getActorId() {
        return actorId;
    }

    public String getVerb() {
        return verb;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }

    public String getData() {
        return data;
    }

    public void setData(String data) {
        this.data = data;
    }

    public Instant getTimestamp() {
        return timestamp;
    }
}
