/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.LoggedAction;
import org.actrack.ObjectRef;
import org.actrack.PersonalData;
import org.actrack.engine.history.Deletions;
import org.actrack.engine.model.DeletedItemEntity;
import org.actrack.engine.model.TrackerEntity;
import org.actrack.engine.read.ActionLoader;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.tracking.UnreadMarks;

/**
 * {@link PersonalData} of the engine: erasure through {@link Deletions#erase} and the handlers' scrub, export as one
 * JSON document written by JSON-B. Actions are read {@value #CHUNK} at a time.
 */
final class PersonalRecords implements PersonalData {

    private static final int CHUNK = SqlDialect.MAX_PLACEHOLDERS;

    private final UnitOfWork unitOfWork;
    private final String unit;
    private final EntityReferences references;
    private final Deletions deletions;
    private final ActionLoader loader;
    private final UnreadMarks unread;
    private final Function<String, ActionHandler> handlers;
    private final JsonData json;
    private final Clock clock;
    private final String description;

    PersonalRecords(
            UnitOfWork unitOfWork,
            String unit,
            EntityReferences references,
            Deletions deletions,
            ActionLoader loader,
            UnreadMarks unread,
            Function<String, ActionHandler> handlers,
            JsonData json,
            Clock clock,
            String description) {
        this.unitOfWork = unitOfWork;
        this.unit = unit;
        this.references = references;
        this.deletions = deletions;
        this.loader = loader;
        this.unread = unread;
        this.handlers = handlers;
        this.json = json;
        this.clock = clock;
        this.description = description;
    }

    @Override
    public Erasure erase(Object person) {
        return unitOfWork.write(unit, "erasing a person", em -> {
            ObjectRef ref = refOf(em, person);
            Deletions.Erased erased = deletions.erase(em, ref, description);
            for (List<Long> chunk : chunks(erased.actions())) {
                for (Action action : loader.load(em, chunk)) {
                    scrub(em, action, ref);
                }
            }
            return new Erasure(
                    ref,
                    erased.trackers(),
                    erased.unreadMarks(),
                    erased.actions().size());
        });
    }

    /** Gives the action's data to its handler's {@link ActionHandler#scrub}, and keeps what it returns. */
    private void scrub(EntityManager em, Action action, ObjectRef person) {
        LoggedAction view = new LoggedAction(
                action.actorRef().orElse(null),
                action.verb(),
                action.level(),
                action.data(),
                action.timestamp(),
                action.targetRefs(),
                action.relatedRefs());
        Map<String, Object> kept = handlers.apply(action.verb()).scrub(view, person);
        if (kept != null && !kept.equals(action.data())) {
            em.createQuery("UPDATE ActrackAction a SET a.data = :data WHERE a.id = :id")
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("data", json.write(json.normalize(new LinkedHashMap<>(kept))))
                    .setParameter("id", action.id())
                    .executeUpdate();
        }
    }

    @Override
    public String export(Object person) {
        return unitOfWork.read(unit, em -> {
            ObjectRef ref = refOf(em, person);
            List<String> keys = new ArrayList<>(List.of(ref.key()));
            em.createQuery(
                            "SELECT d FROM ActrackDeletedItem d WHERE d.entityType = :type AND d.entityId = :id",
                            DeletedItemEntity.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("type", ref.type())
                    .setParameter("id", ref.id())
                    .getResultList()
                    .forEach(item -> keys.add(ObjectRef.of(
                                    DeletedItemEntity.ENTITY_NAME, item.getId().toString())
                            .key()));
            Map<Long, TreeSet<String>> roles = new TreeMap<>();
            for (Object[] row : em.createQuery(
                            "SELECT r.actionId, r.role FROM ActrackActionRef r WHERE r.key IN :keys", Object[].class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("keys", keys)
                    .getResultList()) {
                roles.computeIfAbsent((Long) row[0], id -> new TreeSet<>())
                        .add(row[1].toString().toLowerCase(java.util.Locale.ROOT));
            }
            List<Map<String, Object>> actions = new ArrayList<>();
            for (List<Long> chunk : chunks(new ArrayList<>(roles.keySet()))) {
                for (Action action : loader.load(em, chunk)) {
                    actions.add(action(action, roles.get(action.id())));
                }
            }
            List<Map<String, Object>> trackers = new ArrayList<>();
            for (TrackerEntity tracker : em.createQuery(
                            "SELECT t FROM ActrackTracker t WHERE t.ownerKey = :key ORDER BY t.id", TrackerEntity.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("key", ref.key())
                    .getResultList()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("tracked", object(ObjectRef.of(tracker.getTrackedType(), tracker.getTrackedId())));
                entry.put("verbs", new TreeSet<>(tracker.getVerbs()));
                entry.put("actorOnly", tracker.isActorOnly());
                entry.put("flag", tracker.getFlag().isEmpty() ? null : tracker.getFlag());
                entry.put("since", tracker.getCreatedAt().toString());
                trackers.add(entry);
            }
            List<Long> unreadIds = unread.allUnread(em, ref);
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("person", object(ref));
            document.put("exportedAt", clock.instant().toString());
            document.put("actions", actions);
            document.put("trackers", trackers);
            document.put("unread", unreadIds);
            document.put(
                    "seenUntil", unread.seenUntil(em, ref).map(Object::toString).orElse(null));
            document.put(
                    "readUntil", unread.readUntil(em, ref).map(Object::toString).orElse(null));
            return json.document(document);
        });
    }

    private ObjectRef refOf(EntityManager em, Object person) {
        return person instanceof ObjectRef ref ? ref : references.of(em, person, "person");
    }

    private static Map<String, Object> action(Action action, TreeSet<String> roles) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", action.id());
        entry.put("roles", roles);
        entry.put("verb", action.verb());
        entry.put("level", action.level());
        entry.put("published", action.timestamp().toString());
        entry.put("actor", action.actorRef().map(PersonalRecords::object).orElse(null));
        entry.put(
                "targets",
                action.targetRefs().stream().map(PersonalRecords::object).toList());
        entry.put(
                "related",
                action.relatedRefs().stream().map(PersonalRecords::object).toList());
        entry.put("data", action.data());
        action.foreignId().ifPresent(key -> entry.put("foreignId", key));
        return entry;
    }

    private static Map<String, Object> object(ObjectRef ref) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", ref.type());
        object.put("id", ref.id());
        return object;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
