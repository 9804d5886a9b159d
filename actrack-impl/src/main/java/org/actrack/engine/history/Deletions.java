/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.history;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;
import org.actrack.engine.ActionRequests;
import org.actrack.engine.ConnectedObjects;
import org.actrack.engine.JsonData;
import org.actrack.engine.model.DeletedItemEntity;
import org.actrack.engine.model.Role;
import org.actrack.engine.model.TrackerEntity;
import org.actrack.engine.tracking.UnreadMarks;
import org.actrack.engine.write.PendingAction;

/**
 * What happens to history when an entity is removed (spec §9 as amended by §0.10): references to it are
 * re-pointed to one deleted item, created only when something refers to the entity, or the actions and
 * trackers referring to it are deleted; trackers it owns are deleted either way. All in the caller's
 * transaction, with bulk statements driven by the reference indexes.
 */
public final class Deletions {

    private static final System.Logger LOGGER = System.getLogger(Deletions.class.getName());

    /**
     * What a removed entity leaves behind.
     *
     * @param ref the entity's reference
     * @param description its description, at most 255 characters
     * @param serialization its serialization
     */
    public record Remains(ObjectRef ref, String description, Map<String, Object> serialization) {}

    private final JsonData json;
    private final Clock clock;

    private final UnreadMarks unread;

    public Deletions(JsonData json, Clock clock, UnreadMarks unread) {
        this.json = json;
        this.clock = clock;
        this.unread = unread;
    }

    /**
     * Handles a removal.
     *
     * @param waitedFor whether an action not yet written refers to the entity (it will need the deleted item)
     * @return the deleted item references to the entity now point at, {@code null} when none was needed
     */
    public ObjectRef removed(EntityManager em, Remains remains, boolean useDeletedItems, boolean waitedFor) {
        ObjectRef ref = remains.ref();
        deleteTrackers(em, "t.ownerKey = :key", ref.key());
        deleteUnreadState(em, ref);
        if (useDeletedItems) {
            if (waitedFor || isReferenced(em, ref)) {
                ObjectRef item = toRef(deletedItem(em, remains));
                repoint(em, ref, item);
                // Whole-type trackers of the removed entity's type no longer match its old actions: their
                // unread marks go, so that unread stays a subset of the feed (spec §0.4).
                unread.pruneActionsReferring(em, item);
                return item;
            }
        } else {
            deleteActionsReferring(em, ref);
            deleteTrackers(em, "t.trackedKey = :key", ref.key());
        }
        return null;
    }

    /** The deleted item of an entity, created if there is none yet. */
    public DeletedItemEntity deletedItem(EntityManager em, Remains remains) {
        ObjectRef ref = remains.ref();
        List<DeletedItemEntity> existing = noFlush(em)
                .createQuery(
                        "SELECT d FROM ActrackDeletedItem d WHERE d.entityType = :type" + " AND d.entityId = :id",
                        DeletedItemEntity.class)
                .setParameter("type", ref.type())
                .setParameter("id", ref.id())
                .getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        String description = remains.description();
        if (description.length() > DeletedItemEntity.DESCRIPTION_LENGTH) {
            description = description.substring(0, DeletedItemEntity.DESCRIPTION_LENGTH);
        }
        DeletedItemEntity item = new DeletedItemEntity(
                ref.type(), ref.id(), description, serialization(remains), ActionRequests.truncate(clock.instant()));
        em.persist(item);
        return item;
    }

    /** The serialization kept; one too long to store keeps just the id, so the removal itself never fails. */
    private String serialization(Remains remains) {
        try {
            return json.write(remains.serialization());
        } catch (org.actrack.ActrackException tooLongOrNotJson) {
            LOGGER.log(
                    System.Logger.Level.WARNING,
                    "The deleted item of " + remains.ref() + " keeps only its id: " + tooLongOrNotJson.getMessage());
            return json.write(Map.of("id", remains.ref().id()));
        }
    }

    /**
     * Replaces references to entities that were removed (while the action waited in a request queue) by
     * their deleted items (spec P11).
     */
    public PendingAction substituteRemoved(EntityManager em, PendingAction action) {
        List<ObjectRef> all = new ArrayList<>(action.targets());
        all.addAll(action.related());
        if (action.actor() != null) {
            all.add(action.actor());
        }
        List<String> ids = all.stream().map(ObjectRef::id).distinct().toList();
        if (ids.isEmpty()) {
            return action;
        }
        Map<ObjectRef, ObjectRef> replacements = new HashMap<>();
        noFlush(em)
                .createQuery("SELECT d FROM ActrackDeletedItem d WHERE d.entityId IN :ids", DeletedItemEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(item -> replacements.put(ObjectRef.of(item.getEntityType(), item.getEntityId()), toRef(item)));
        if (replacements.isEmpty()) {
            return action;
        }
        return new PendingAction(
                action.unit(),
                replace(action.actor(), replacements),
                action.verb(),
                action.level(),
                action.data(),
                action.timestamp(),
                action.targets().stream().map(r -> replace(r, replacements)).toList(),
                action.related().stream().map(r -> replace(r, replacements)).toList(),
                action.groupingDelaySeconds(),
                action.foreignId());
    }

    static ObjectRef toRef(DeletedItemEntity item) {
        return ObjectRef.of(DeletedItemEntity.ENTITY_NAME, item.getId().toString());
    }

    public DeletedItem toApi(DeletedItemEntity item) {
        return new DeletedItem(
                item.getId(),
                item.getEntityType(),
                item.getEntityId(),
                item.getDescription(),
                json.read(item.getSerialization()),
                item.getDeletedAt());
    }

    /**
     * The remains of an entity: its own description, else {@code toString()}; its own serialization when its
     * {@code @Connected(keepSerialization = true)} opts in, else its id.
     */
    public static Remains remainsOf(Object entity, ObjectRef ref, Object id) {
        Map<String, Object> serialization = new LinkedHashMap<>();
        if (entity instanceof DeletedItem.Describable describable) {
            if (ConnectedObjects.annotationOf(entity.getClass())
                    .map(org.actrack.Connected::keepSerialization)
                    .orElse(false)) {
                serialization.putAll(describable.deletedItemSerialization());
            } else {
                serialization.put("id", id);
            }
            return new Remains(ref, String.valueOf(describable.deletedItemDescription()), serialization);
        }
        serialization.put("id", id);
        return new Remains(ref, String.valueOf(entity), serialization);
    }

    /**
     * Queries of a removal must not flush: the provider is in the middle of removing an entity. Every
     * actrack row is already in the database, since actrack flushes its own writes (see UnitOfWork).
     */
    private static QueryFactory noFlush(EntityManager em) {
        return new QueryFactory(em);
    }

    /** Creates queries that never flush the persistence context first. */
    private record QueryFactory(EntityManager em) {
        jakarta.persistence.Query createQuery(String jpql) {
            return em.createQuery(jpql).setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        }

        <T> jakarta.persistence.TypedQuery<T> createQuery(String jpql, Class<T> type) {
            return em.createQuery(jpql, type).setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        }
    }

    private static ObjectRef replace(ObjectRef ref, Map<ObjectRef, ObjectRef> replacements) {
        return ref == null ? null : Optional.ofNullable(replacements.get(ref)).orElse(ref);
    }

    private static boolean isReferenced(EntityManager em, ObjectRef ref) {
        return !noFlush(em)
                        .createQuery("SELECT r.id FROM ActrackActionRef r WHERE r.key = :key", Long.class)
                        .setParameter("key", ref.key())
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty()
                || !noFlush(em)
                        .createQuery("SELECT t.id FROM ActrackTracker t WHERE t.trackedKey = :key", Long.class)
                        .setParameter("key", ref.key())
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
    }

    private static void repoint(EntityManager em, ObjectRef from, ObjectRef to) {
        noFlush(em)
                .createQuery("UPDATE ActrackAction a SET a.actorType = :type, a.actorId = :id WHERE a.id IN"
                        + " (SELECT r.actionId FROM ActrackActionRef r WHERE r.key = :key AND r.role = :actor)")
                .setParameter("type", to.type())
                .setParameter("id", to.id())
                .setParameter("key", from.key())
                .setParameter("actor", Role.ACTOR)
                .executeUpdate();
        // The rows of the actions whose first target it is carry its key too: found through its own rows, by key, in
        // one statement (MariaDB reads a sub-select of the table an UPDATE changes since 10.3.2).
        em.createNativeQuery("UPDATE actrack_action_ref SET first_target_key = ?1 WHERE action_id IN"
                        + " (SELECT t.action_id FROM actrack_action_ref t WHERE t.ref_key = ?2 AND t.role = 'TARGET'"
                        + " AND t.position = 0)")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, to.key())
                .setParameter(2, from.key())
                .executeUpdate();
        noFlush(em)
                .createQuery(
                        "UPDATE ActrackActionRef r SET r.type = :type, r.objectId = :id, r.key = :newKey WHERE r.key = :key")
                .setParameter("type", to.type())
                .setParameter("id", to.id())
                .setParameter("newKey", to.key())
                .setParameter("key", from.key())
                .executeUpdate();
        noFlush(em)
                .createQuery(
                        "UPDATE ActrackTracker t SET t.trackedType = :type, t.trackedId = :id, t.trackedKey = :newKey"
                                + " WHERE t.trackedKey = :key")
                .setParameter("type", to.type())
                .setParameter("id", to.id())
                .setParameter("newKey", to.key())
                .setParameter("key", from.key())
                .executeUpdate();
    }

    private static void deleteActionsReferring(EntityManager em, ObjectRef ref) {
        List<Long> ids = noFlush(em)
                .createQuery("SELECT DISTINCT r.actionId FROM ActrackActionRef r WHERE r.key = :key", Long.class)
                .setParameter("key", ref.key())
                .getResultList();
        ActionDeletion.delete(em, jakarta.persistence.FlushModeType.COMMIT, ids);
    }

    // Tracker entities are removed one by one so that their verbs go with them.
    private static int deleteTrackers(EntityManager em, String condition, String key) {
        List<TrackerEntity> trackers = noFlush(em)
                .createQuery("SELECT t FROM ActrackTracker t WHERE " + condition, TrackerEntity.class)
                .setParameter("key", key)
                .getResultList();
        trackers.forEach(em::remove);
        return trackers.size();
    }

    /**
     * What erasing a person changed.
     *
     * @param trackers the trackers deleted
     * @param unreadMarks the person's unread marks deleted
     * @param item the anonymous deleted item their actions refer to now, {@code null} when no action referred to them
     * @param actions the ids of those actions
     */
    public record Erased(int trackers, long unreadMarks, ObjectRef item, List<Long> actions) {}

    /** Deletes the owner's unread marks and read marks; returns how many unread marks there were. */
    private static int deleteUnreadState(EntityManager em, ObjectRef owner) {
        int marks = noFlush(em)
                .createQuery("DELETE FROM ActrackUnread u WHERE u.ownerKey = :key")
                .setParameter("key", owner.key())
                .executeUpdate();
        noFlush(em)
                .createQuery("DELETE FROM ActrackReadMark m WHERE m.ownerKey = :key")
                .setParameter("key", owner.key())
                .executeUpdate();
        return marks;
    }

    /**
     * Erases a person ({@code PersonalData.erase}): their trackers, the trackers following them, their unread marks
     * and seen position go; the actions that refer to them, or to the deleted item they left when their entity was
     * removed, refer to one new anonymous deleted item instead (their type, a random id, {@code description}, no
     * serialization), and the deleted item they left goes.
     */
    public Erased erase(EntityManager em, ObjectRef person, String description) {
        int trackers = deleteTrackers(em, "t.ownerKey = :key", person.key())
                + deleteTrackers(em, "t.trackedKey = :key", person.key());
        long marks = deleteUnreadState(em, person);
        noFlush(em)
                .createQuery("DELETE FROM ActrackTrackerOwner o WHERE o.ownerKey = :key")
                .setParameter("key", person.key())
                .executeUpdate();
        List<ObjectRef> refs = new ArrayList<>(List.of(person));
        List<Long> left = new ArrayList<>();
        for (DeletedItemEntity earlier : noFlush(em)
                .createQuery(
                        "SELECT d FROM ActrackDeletedItem d WHERE d.entityType = :type AND d.entityId = :id",
                        DeletedItemEntity.class)
                .setParameter("type", person.type())
                .setParameter("id", person.id())
                .getResultList()) {
            refs.add(toRef(earlier));
            left.add(earlier.getId());
        }
        List<Long> actions = noFlush(em)
                .createQuery(
                        "SELECT DISTINCT r.actionId FROM ActrackActionRef r WHERE r.key IN :keys ORDER BY r.actionId",
                        Long.class)
                .setParameter("keys", refs.stream().map(ObjectRef::key).toList())
                .getResultList();
        ObjectRef item = null;
        if (!actions.isEmpty()) {
            DeletedItemEntity anonymous = new DeletedItemEntity(
                    person.type(),
                    "erased-" + java.util.UUID.randomUUID(),
                    description,
                    "{}",
                    ActionRequests.truncate(clock.instant()));
            em.persist(anonymous);
            item = toRef(anonymous);
            for (ObjectRef ref : refs) {
                repoint(em, ref, item);
            }
            // Whole-type trackers of the person's type no longer match these actions: their marks go (spec §0.4).
            unread.pruneActionsReferring(em, item);
        }
        if (!left.isEmpty()) {
            // A bulk delete: the rows that kept the person's serialization, without the removal listener.
            noFlush(em)
                    .createQuery("DELETE FROM ActrackDeletedItem d WHERE d.id IN :ids")
                    .setParameter("ids", left)
                    .executeUpdate();
        }
        return new Erased(trackers, marks, item, actions);
    }
}
