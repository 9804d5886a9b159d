package org.actrack.engine;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.actrack.ActrackSettings;
import org.actrack.ObjectRef;
import org.actrack.engine.model.UnreadEntity;

/**
 * Unread state, kept when actions are written (spec §0.4): an action is unread for every user with a
 * tracker that matches it (instance or whole type, verbs and actor-only honoured) and was created before
 * it, when its level is readable and unread tracking is on; once per user however many trackers match.
 * Reading feeds and counts never writes.
 *
 * <p>Cost of writing one action: one indexed query for the trackers of its objects and their types, then
 * one row per matching user. Counting and marking all read are one range of the primary key
 * {@code (owner_key, action_id)}.
 */
final class UnreadMarks {

    private static final int CHUNK = 500;

    private final ActrackSettings settings;

    UnreadMarks(ActrackSettings settings) {
        this.settings = settings;
    }

    /** Marks a new action unread for the users who track it. */
    void written(EntityManager em, long actionId, PendingAction action) {
        if (marksUnread(action)) {
            readers(em, action).forEach(owner -> em.persist(new UnreadEntity(owner, actionId)));
        }
    }

    /** After a merge: marks the action unread for the users who track it now and did not before. */
    void changed(EntityManager em, long actionId, PendingAction before, PendingAction after) {
        if (!marksUnread(after)) {
            return;
        }
        Set<String> readers = readers(em, after);
        if (marksUnread(before)) {
            readers.removeAll(readers(em, before));
        }
        readers.forEach(owner -> em.persist(new UnreadEntity(owner, actionId)));
    }

    /** Forgets the marks of an action that is removed. */
    void removed(EntityManager em, long actionId) {
        em.createQuery("DELETE FROM ActrackUnread u WHERE u.actionId = :id").setParameter("id", actionId).executeUpdate();
    }

    boolean isUnread(EntityManager em, ObjectRef user, long actionId) {
        return !unreadAmong(em, user, List.of(actionId)).isEmpty();
    }

    /** The ids among {@code actionIds} that are unread for the user. */
    Set<Long> unreadAmong(EntityManager em, ObjectRef user, List<Long> actionIds) {
        Set<Long> unread = new HashSet<>();
        for (int from = 0; from < actionIds.size(); from += CHUNK) {
            unread.addAll(em.createQuery("SELECT u.actionId FROM ActrackUnread u WHERE u.ownerKey = :owner"
                    + " AND u.actionId IN :ids", Long.class).setParameter("owner", user.key())
                    .setParameter("ids", actionIds.subList(from, Math.min(actionIds.size(), from + CHUNK))).getResultList());
        }
        return unread;
    }

    /**
     * Marks actions read for the user when auto-read is on or {@code force} is given.
     *
     * @return for each action, in order, whether it was unread and is now read
     */
    List<Boolean> markRead(EntityManager em, ObjectRef user, List<Long> actionIds, boolean force) {
        List<Boolean> flags = new ArrayList<>(actionIds.size());
        if (!settings.autoRead() && !force) {
            actionIds.forEach(id -> flags.add(false));
            return flags;
        }
        Set<Long> unread = unreadAmong(em, user, actionIds);
        actionIds.forEach(id -> flags.add(unread.contains(id)));
        List<Long> toDelete = List.copyOf(unread);
        for (int from = 0; from < toDelete.size(); from += CHUNK) {
            em.createQuery("DELETE FROM ActrackUnread u WHERE u.ownerKey = :owner AND u.actionId IN :ids")
                    .setParameter("owner", user.key())
                    .setParameter("ids", toDelete.subList(from, Math.min(toDelete.size(), from + CHUNK))).executeUpdate();
        }
        return flags;
    }

    long count(EntityManager em, ObjectRef user) {
        return em.createQuery("SELECT COUNT(u) FROM ActrackUnread u WHERE u.ownerKey = :owner", Long.class)
                .setParameter("owner", user.key()).getSingleResult();
    }

    /** Marks everything read for the user; returns how many actions were unread. */
    int markAllRead(EntityManager em, ObjectRef user) {
        return em.createQuery("DELETE FROM ActrackUnread u WHERE u.ownerKey = :owner").setParameter("owner", user.key())
                .executeUpdate();
    }

    private boolean marksUnread(PendingAction action) {
        return settings.trackUnread() && action.level() >= settings.readableLevel();
    }

    /** The users whose trackers match the action and were created no later than it. */
    private static Set<String> readers(EntityManager em, PendingAction action) {
        Set<String> keys = new LinkedHashSet<>();
        List<ObjectRef> objects = new ArrayList<>(action.targets());
        objects.addAll(action.related());
        if (action.actor() != null) {
            objects.add(action.actor());
        }
        objects.forEach(ref -> {
            keys.add(ref.key());
            keys.add(ref.type());
        });
        Set<String> readers = new LinkedHashSet<>();
        for (TrackerRow tracker : TrackerRow.tracking(em, keys)) {
            if (!tracker.createdAt().isAfter(action.timestamp()) && tracker.matches(action)) {
                readers.add(tracker.owner().key());
            }
        }
        return readers;
    }
}
