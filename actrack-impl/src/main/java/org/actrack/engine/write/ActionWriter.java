/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.actrack.ObjectRef;
import org.actrack.engine.JsonData;
import org.actrack.engine.model.ActionEntity;
import org.actrack.engine.model.ActionReferenceEntity;
import org.actrack.engine.model.Role;
import org.actrack.engine.model.UtcInstantConverter;
import org.actrack.engine.sql.JdbcBatch;
import org.actrack.engine.sql.ProviderHooks;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.write.ActionQueue.StoredRows;
import org.actrack.engine.write.ActionQueue.Where;
import org.actrack.engine.write.IdBlocks.Sequence;

/**
 * Writes, updates and removes the rows of actions: the action row and one reference row per object and role.
 *
 * <p>Two ways to write. Rows whose unread marks wait (a bulk call, a transaction that writes them at commit) wait too:
 * they get their ids at once ({@link IdBlocks}), stay here, and {@link #writePending} sends them all with JDBC on the
 * transaction's connection, the action rows in one batch and the reference rows in another, as hand-written JDBC does,
 * whatever batching the application's persistence unit has, and without the provider's work per entity at commit.
 * Other rows are persisted through the entity manager, which writes them when it flushes.
 */
public final class ActionWriter {

    private static final String INSERT_ACTION =
            "INSERT INTO actrack_action (id, actor_type, actor_id, verb, action_level, data, action_time)"
                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private static final String INSERT_ACTION_WITHOUT_ACTOR =
            "INSERT INTO actrack_action (id, verb, action_level, data, action_time) VALUES (?1, ?2, ?3, ?4, ?5)";
    private static final String INSERT_REFERENCE = "INSERT INTO actrack_action_ref (id, action_id, role, position,"
            + " ref_type, ref_id, ref_key, verb, action_level, action_time, first_target_key)"
            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

    private final JsonData json;
    private final IdBlocks ids;
    private final ProviderHooks provider;
    private final SqlDialect.Detection dialects;
    private final UtcInstantConverter instants = new UtcInstantConverter();

    public ActionWriter(JsonData json, IdBlocks ids, ProviderHooks provider, SqlDialect.Detection dialects) {
        this.json = json;
        this.ids = ids;
        this.provider = provider;
        this.dialects = dialects;
    }

    /**
     * The rows of a new action, persisted through {@code em}, or with their ids only, left for {@link #writePending}
     * when {@code pending}.
     */
    StoredRows insert(EntityManager em, PendingAction pending, boolean deferred) {
        ObjectRef actor = pending.actor();
        ActionEntity action = new ActionEntity(
                actor == null ? null : actor.type(),
                actor == null ? null : actor.id(),
                pending.verb(),
                pending.level(),
                json.write(pending.data()),
                pending.timestamp());
        // Where the unit numbers actrack's rows on insert (EclipseLink's MySQLPlatform makes the sequence generators
        // AUTO_INCREMENT), an id taken from the sequence could meet one the table hands out: the provider writes them.
        boolean pendingRows = deferred && !numbersOnInsert(em);
        Where where = pendingRows ? Where.PENDING : Where.MANAGED;
        if (pendingRows) {
            action.assignId(ids.next(em, Sequence.ACTIONS));
        } else {
            em.persist(action);
        }
        List<ActionReferenceEntity> references = new ArrayList<>();
        if (actor != null) {
            references.add(add(
                    em,
                    where,
                    new ActionReferenceEntity(
                            action, Role.ACTOR, 0, actor.type(), actor.id(), actor.key(), firstTarget(pending))));
        }
        addReferences(em, where, action, Role.TARGET, pending.targets(), 0, firstTarget(pending), references);
        addReferences(em, where, action, Role.RELATED, pending.related(), 0, firstTarget(pending), references);
        if (action.getId() == null) {
            // The database assigns ids on insert here (IDENTITY, or no sequences): write now so ids follow logging
            // order.
            em.flush();
        }
        return new StoredRows(action, references, where);
    }

    /**
     * The rows of a new action with a foreign id, unless an action with that id is stored: the action row goes in at
     * once with {@link SqlDialect#insertUnlessPresent} (which, when another transaction is inserting the same key,
     * waits for it and inserts nothing if it commits), its references through {@code em}.
     *
     * @return the rows, or {@code null} when an action with the foreign id is stored: nothing was written
     */
    StoredRows insertKeyed(EntityManager em, PendingAction pending) {
        ObjectRef actor = pending.actor();
        List<String> columns = new ArrayList<>(
                List.of("actor_type", "actor_id", "verb", "action_level", "data", "action_time", "foreign_id"));
        List<String> types = new ArrayList<>(List.of(
                "VARCHAR(255)",
                "VARCHAR(255)",
                "VARCHAR(" + ActionEntity.VERB_LENGTH + ")",
                "INT",
                "VARCHAR(" + ActionEntity.JSON_LENGTH + ")",
                "TIMESTAMP(6)",
                "VARCHAR(" + ActionEntity.FOREIGN_ID_LENGTH + ")"));
        List<Object> values = new ArrayList<>(java.util.Arrays.asList(
                actor == null ? null : actor.type(),
                actor == null ? null : actor.id(),
                pending.verb(),
                pending.level(),
                json.write(pending.data()),
                instants.convertToDatabaseColumn(pending.timestamp()),
                pending.foreignId()));
        Long id = numbersOnInsert(em) ? null : ids.next(em, Sequence.ACTIONS);
        if (id != null) {
            columns.add(0, "id");
            types.add(0, "BIGINT");
            values.add(0, id);
        }
        String insert = dialects.of(em).insertUnlessPresent("actrack_action", columns, types, "foreign_id");
        if (provider.executeAll(em, new JdbcBatch(true), List.of(new JdbcBatch.Statement(insert, values))) == 0) {
            return null;
        }
        if (id == null) {
            // Numbered by the database: the row's id is read back by its key.
            id = ((Number) em.createNativeQuery("SELECT id FROM actrack_action WHERE foreign_id = ?1")
                            .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                            .setParameter(1, pending.foreignId())
                            .getSingleResult())
                    .longValue();
        }
        ActionEntity action = em.find(ActionEntity.class, id);
        List<ActionReferenceEntity> references = new ArrayList<>();
        if (actor != null) {
            references.add(add(
                    em,
                    Where.MANAGED,
                    new ActionReferenceEntity(
                            action, Role.ACTOR, 0, actor.type(), actor.id(), actor.key(), firstTarget(pending))));
        }
        addReferences(em, Where.MANAGED, action, Role.TARGET, pending.targets(), 0, firstTarget(pending), references);
        addReferences(em, Where.MANAGED, action, Role.RELATED, pending.related(), 0, firstTarget(pending), references);
        return new StoredRows(action, references, Where.MANAGED);
    }

    private boolean numbersOnInsert(EntityManager em) {
        EntityManagerFactory factory = em.getEntityManagerFactory();
        return provider.numbersOnInsert(factory, ActionEntity.class)
                || provider.numbersOnInsert(factory, ActionReferenceEntity.class);
    }

    /**
     * Brings stored rows up to date with {@code merged}, the action they hold merged with another.
     *
     * @return the rows as they are now: rows written with JDBC are read into {@code em} first
     */
    StoredRows update(EntityManager em, StoredRows rows, PendingAction merged) {
        StoredRows current = rows.where() == Where.WRITTEN ? managed(em, rows) : rows;
        ActionEntity action = current.action();
        action.setLevel(merged.level());
        action.setData(json.write(merged.data()));
        List<ActionReferenceEntity> references = current.references();
        // A merge keeps the first target, or gives one to an action that had none (its targets come first).
        String firstTarget = firstTarget(merged);
        references.forEach(reference -> {
            reference.setLevel(merged.level());
            reference.setFirstTargetKey(firstTarget);
        });
        addMissing(em, current.where(), action, Role.TARGET, merged.targets(), firstTarget, references);
        addMissing(em, current.where(), action, Role.RELATED, merged.related(), firstTarget, references);
        return current;
    }

    void remove(EntityManager em, StoredRows rows) {
        switch (rows.where()) {
            case PENDING -> {
                // Never written: nothing to remove.
            }
            case WRITTEN -> {
                StoredRows current = managed(em, rows);
                current.references().forEach(em::remove);
                em.remove(current.action());
            }
            case MANAGED -> {
                rows.references().forEach(em::remove);
                em.remove(rows.action());
            }
        }
    }

    /**
     * Writes pending rows: the action rows in one JDBC batch, then the reference rows in another, on the connection
     * of {@code em}'s transaction (one native statement each where the provider lends none).
     *
     * @return the same rows, written
     */
    List<StoredRows> writePending(EntityManager em, List<StoredRows> pending) {
        List<JdbcBatch.Statement> statements = new ArrayList<>();
        for (StoredRows rows : pending) {
            ActionEntity action = rows.action();
            Object time = instants.convertToDatabaseColumn(action.getTimestamp());
            statements.add(
                    action.getActorType() == null
                            ? new JdbcBatch.Statement(
                                    INSERT_ACTION_WITHOUT_ACTOR,
                                    List.of(
                                            action.getId(),
                                            action.getVerb(),
                                            action.getLevel(),
                                            action.getData(),
                                            time))
                            : new JdbcBatch.Statement(
                                    INSERT_ACTION,
                                    List.of(
                                            action.getId(),
                                            action.getActorType(),
                                            action.getActorId(),
                                            action.getVerb(),
                                            action.getLevel(),
                                            action.getData(),
                                            time)));
        }
        for (StoredRows rows : pending) {
            ActionEntity action = rows.action();
            Object time = instants.convertToDatabaseColumn(action.getTimestamp());
            for (ActionReferenceEntity reference : rows.references()) {
                // The first target is null for an action without targets.
                statements.add(new JdbcBatch.Statement(
                        INSERT_REFERENCE,
                        java.util.Arrays.asList(
                                reference.getId(),
                                action.getId(),
                                reference.getRole().name(),
                                reference.getPosition(),
                                reference.getType(),
                                reference.getObjectId(),
                                reference.getKey(),
                                action.getVerb(),
                                reference.getLevel(),
                                time,
                                reference.getFirstTargetKey())));
            }
        }
        provider.executeAll(em, new JdbcBatch(true), statements);
        return pending.stream()
                .map(rows -> new StoredRows(rows.action(), rows.references(), Where.WRITTEN))
                .toList();
    }

    /** Rows written with JDBC, read into {@code em} (locked by the insert, which this transaction made). */
    private static StoredRows managed(EntityManager em, StoredRows rows) {
        Long id = rows.action().getId();
        ActionEntity action = em.find(ActionEntity.class, id);
        List<ActionReferenceEntity> references = em.createQuery(
                        "SELECT r FROM ActrackActionRef r WHERE r.actionId = :id ORDER BY r.role, r.position",
                        ActionReferenceEntity.class)
                .setParameter("id", id)
                .getResultList();
        return new StoredRows(action, new ArrayList<>(references), Where.MANAGED);
    }

    private void addMissing(
            EntityManager em,
            Where where,
            ActionEntity action,
            Role role,
            List<ObjectRef> refs,
            String firstTarget,
            List<ActionReferenceEntity> references) {
        Set<String> present = new HashSet<>();
        int next = 0;
        for (ActionReferenceEntity reference : references) {
            if (reference.getRole() == role) {
                present.add(reference.getKey());
                next = Math.max(next, reference.getPosition() + 1);
            }
        }
        List<ObjectRef> missing =
                refs.stream().filter(ref -> !present.contains(ref.key())).toList();
        addReferences(em, where, action, role, missing, next, firstTarget, references);
    }

    private void addReferences(
            EntityManager em,
            Where where,
            ActionEntity action,
            Role role,
            List<ObjectRef> refs,
            int from,
            String firstTarget,
            List<ActionReferenceEntity> into) {
        for (int i = 0; i < refs.size(); i++) {
            ObjectRef ref = refs.get(i);
            into.add(add(
                    em,
                    where,
                    new ActionReferenceEntity(action, role, from + i, ref.type(), ref.id(), ref.key(), firstTarget)));
        }
    }

    /** The key of the action's first target, which every row of the action carries; {@code null} for none. */
    private static String firstTarget(PendingAction action) {
        return action.targets().isEmpty() ? null : action.targets().get(0).key();
    }

    private ActionReferenceEntity add(EntityManager em, Where where, ActionReferenceEntity reference) {
        if (where == Where.PENDING) {
            reference.assignId(ids.next(em, Sequence.REFERENCES));
        } else {
            em.persist(reference);
        }
        return reference;
    }
}
