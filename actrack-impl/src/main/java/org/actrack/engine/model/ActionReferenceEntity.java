/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.model;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ExcludeDefaultListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * One object taking part in one action, in one role: the actor, a target or a related object.
 * Not API.
 *
 * <p>Every action query (an object's actions, feeds, streams, tracked-by) selects from this table alone:
 * the action's verb, level and time are copied here so that the filters and the newest-first keyset order
 * are read from the same index entries as the object they start from. Indexes and the queries they serve:
 * <ul>
 * <li>{@code actrack_ref_key_time_ix (ref_key, action_time, action_id)}: the actions of one object in any
 * role or one role (all, as actor/target/related, the actor/target/action-object/any streams), and a
 * user's feed and tracked-by, which look up the keys of the tracked objects with one list of keys ({@code SqlDialect#oneOf}).
 * Newest first within each key.</li>
 * <li>{@code actrack_ref_type_time_ix (ref_type, action_time, action_id)}: whole-type trackers in feeds and
 * tracked-by, and the model stream.</li>
 * <li>{@code actrack_action_ref_uk (action_id, role, ref_key)}: one row per object and role, and loading
 * the references of a page of actions by action id.</li>
 * </ul>
 *
 * <p>Each row also carries the key of its action's first target ({@code first_target_key}, {@code null} for an action
 * without targets), so that a grouped read, which groups by first target, reads it from the rows it matched instead of
 * looking it up per action.
 */
@ExcludeDefaultListeners
@Cacheable(false)
@Entity(name = "ActrackActionRef")
@Table(
        name = "actrack_action_ref",
        uniqueConstraints =
                @UniqueConstraint(
                        name = "actrack_action_ref_uk",
                        columnNames = {"action_id", "role", "ref_key"}),
        indexes = {
            @Index(name = "actrack_ref_key_time_ix", columnList = "ref_key, action_time, action_id"),
            @Index(name = "actrack_ref_type_time_ix", columnList = "ref_type, action_time, action_id")
        })
public class ActionReferenceEntity {

    /** The width of the key column: {@code type#id} must fit. */
    public static final int KEY_LENGTH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "actrack_action_ref_seq")
    @SequenceGenerator(name = "actrack_action_ref_seq", sequenceName = "actrack_action_ref_seq", allocationSize = 300)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "action_id", nullable = false)
    private ActionEntity action;

    // The same column as a plain value, so queries select and order by it without a join.
    @Column(name = "action_id", insertable = false, updatable = false)
    private Long actionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 8)
    private Role role;

    // Targets and related objects read back in logging order, whatever order the provider inserts rows in.
    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "ref_type", nullable = false, length = 255)
    private String type;

    @Column(name = "ref_id", nullable = false, length = 255)
    private String objectId;

    @Column(name = "ref_key", nullable = false, length = KEY_LENGTH)
    private String key;

    @Column(name = "verb", nullable = false, length = ActionEntity.VERB_LENGTH)
    private String verb;

    @Column(name = "action_level", nullable = false)
    private int level;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "action_time", nullable = false)
    private Instant timestamp;

    @Column(name = "first_target_key", length = KEY_LENGTH)
    private String firstTargetKey;

    protected ActionReferenceEntity() {}

    /**
     * @param firstTargetKey the key of the action's first target, {@code null} when it has none
     */
    public ActionReferenceEntity(
            ActionEntity action,
            Role role,
            int position,
            String type,
            String objectId,
            String key,
            String firstTargetKey) {
        this.action = action;
        this.role = role;
        this.position = position;
        this.type = type;
        this.objectId = objectId;
        this.key = key;
        this.verb = action.getVerb();
        this.level = action.getLevel();
        this.timestamp = action.getTimestamp();
        this.firstTargetKey = firstTargetKey;
    }

    public Long getId() {
        return id;
    }

    /**
     * Gives the row an id taken from {@code actrack_action_ref_seq} by actrack itself, for a row actrack writes with
     * JDBC rather than through the provider (which assigns ids to the rows it persists).
     */
    public void assignId(long id) {
        this.id = id;
    }

    /**
     * Points the row from one object to another (the deleted item of a removed one) before it is written: the object
     * of the row, and its action's first target, where they are {@code from}.
     */
    public void repoint(String from, String type, String objectId, String key) {
        if (this.key.equals(from)) {
            this.type = type;
            this.objectId = objectId;
            this.key = key;
        }
        if (from.equals(firstTargetKey)) {
            firstTargetKey = key;
        }
    }

    public Long getActionId() {
        return actionId != null ? actionId : action.getId();
    }

    public Role getRole() {
        return role;
    }

    public int getPosition() {
        return position;
    }

    public String getType() {
        return type;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getKey() {
        return key;
    }

    public String getFirstTargetKey() {
        return firstTargetKey;
    }

    /** The key of the action's first target, which a merge may give an action that had none. */
    public void setFirstTargetKey(String firstTargetKey) {
        this.firstTargetKey = firstTargetKey;
    }

    public int getLevel() {
        return level;
    }

    public void setLevel(int level) {
        this.level = level;
    }
}
