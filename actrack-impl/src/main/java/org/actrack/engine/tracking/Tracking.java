/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.tracking;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.LogOption;
import org.actrack.ObjectRef;
import org.actrack.Options;
import org.actrack.TrackOption;
import org.actrack.Tracker;
import org.actrack.engine.ActionRequests;
import org.actrack.engine.EntityReferences;
import org.actrack.engine.ObjectLists;
import org.actrack.engine.Problem;
import org.actrack.engine.UnitOfWork;
import org.actrack.engine.model.TrackerEntity;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.write.ActionSink;
import org.actrack.engine.write.CommitSignal;
import org.actrack.engine.write.PendingAction;

/** Creates, changes and deletes trackers: {@code track}, {@code untrack} and temporary trackers. */
public final class Tracking {

    private final ActrackSettings settings;
    private final UnitOfWork unitOfWork;
    private final EntityReferences references;
    private final ActionRequests requests;
    private final ActionSink sink;
    private final Clock clock;
    private final UnreadMarks unread;
    private final SqlDialect.Detection dialects;
    private final CommitSignal signal;

    public Tracking(
            ActrackSettings settings,
            UnitOfWork unitOfWork,
            EntityReferences references,
            ActionRequests requests,
            ActionSink sink,
            Clock clock,
            UnreadMarks unread,
            SqlDialect.Detection dialects,
            CommitSignal signal) {
        this.signal = signal;
        this.unread = unread;
        this.dialects = dialects;
        this.settings = settings;
        this.unitOfWork = unitOfWork;
        this.references = references;
        this.requests = requests;
        this.sink = sink;
        this.clock = clock;
    }

    public List<Tracker> track(Object user, Object toTrack, TrackOption... options) {
        TrackRequest request = TrackRequest.parse(defaultUnit(), options);
        return unitOfWork.write(request.unit(), "tracking", em -> {
            ObjectRef owner = userRef(em, user);
            Map<ObjectRef, Object> objects = trackedObjects(em, toTrack);
            objects.forEach((ref, object) -> {
                if (!ref.isWholeType()) {
                    references.requireStored(em, object, ref, "tracked object");
                }
            });
            Instant now = clock.instant();
            Map<ObjectRef, TrackerEntity> existing = lockedTrackers(em, owner, objects.keySet(), now);
            List<Object> newInstances = new ArrayList<>();
            objects.forEach((ref, object) -> {
                if (!existing.containsKey(ref) && !ref.isWholeType()) {
                    newInstances.add(object);
                }
            });
            PendingAction started = request.log() && !newInstances.isEmpty()
                    ? logChange(em, user, ActionLog.STARTED_TRACKING, newInstances, request)
                    : null;

            Map<ObjectRef, TrackerEntity> trackers = new LinkedHashMap<>();
            boolean narrowed = false;
            for (Map.Entry<ObjectRef, Object> object : objects.entrySet()) {
                ObjectRef ref = object.getKey();
                TrackerEntity tracker = existing.get(ref);
                if (tracker == null) {
                    tracker = new TrackerEntity(
                            owner.type(),
                            owner.id(),
                            owner.key(),
                            ref.type(),
                            ref.id(),
                            ref.key(),
                            request.verbs(),
                            request.actorOnly() == null || request.actorOnly(),
                            request.since() == null ? ActionRequests.truncate(now) : request.since());
                    em.persist(tracker);
                } else {
                    boolean narrows = !request.verbs().isEmpty()
                                    && !request.verbs().containsAll(tracker.getVerbs())
                            || tracker.getVerbs().isEmpty() && !request.verbs().isEmpty()
                            || Boolean.TRUE.equals(request.actorOnly()) && !tracker.isActorOnly();
                    if (narrows) {
                        lockForChange(em, tracker);
                    }
                    narrowed |= narrows;
                    tracker.setVerbs(request.verbs());
                    if (request.actorOnly() != null) {
                        tracker.setActorOnly(request.actorOnly());
                    }
                }
                trackers.put(ref, tracker);
            }
            // Written now: ids assigned on insert (MariaDB with MySQLPlatform) are known before they are returned.
            em.flush();
            if (narrowed) {
                unread.pruneOwner(em, owner);
            }
            List<Tracker> result = new ArrayList<>();
            trackers.forEach((ref, tracker) -> result.add(toTracker(tracker, owner, user, ref, objects.get(ref))));
            if (started != null) {
                sink.accept(em, started);
            }
            return result;
        });
    }

    public int untrack(Object user, Object toUntrack, TrackOption... options) {
        TrackRequest request = TrackRequest.parse(defaultUnit(), options).forUntrack();
        return unitOfWork.write(request.unit(), "untracking", em -> {
            ObjectRef owner = userRef(em, user);
            Map<ObjectRef, Object> objects = trackedObjects(em, toUntrack);
            Map<ObjectRef, TrackerEntity> existing = lockedTrackers(em, owner, objects.keySet(), clock.instant());
            Map<TrackerEntity, Set<String>> remainingVerbs = new LinkedHashMap<>();
            List<Object> stoppedInstances = new ArrayList<>();
            existing.forEach((ref, tracker) -> {
                Set<String> remaining = new HashSet<>(tracker.getVerbs());
                remaining.removeAll(request.verbs());
                boolean delete = request.verbs().isEmpty() || tracker.getVerbs().isEmpty() || remaining.isEmpty();
                remainingVerbs.put(tracker, delete ? null : remaining);
                if (delete && !ref.isWholeType()) {
                    stoppedInstances.add(objects.get(ref));
                }
            });
            PendingAction stopped = request.log() && !stoppedInstances.isEmpty()
                    ? logChange(em, user, ActionLog.STOPPED_TRACKING, stoppedInstances, request)
                    : null;

            int changed = 0;
            for (Map.Entry<TrackerEntity, Set<String>> entry : remainingVerbs.entrySet()) {
                if (entry.getValue() == null) {
                    em.remove(entry.getKey());
                    changed++;
                } else if (!entry.getValue().equals(entry.getKey().getVerbs())) {
                    lockForChange(em, entry.getKey());
                    entry.getKey().setVerbs(entry.getValue());
                    changed++;
                }
            }
            if (changed > 0) {
                // Unread stays a subset of the feed: marks no remaining tracker matches go (spec §0.4).
                em.flush();
                unread.pruneOwner(em, owner);
            }
            if (stopped != null) {
                sink.accept(em, stopped);
            }
            return changed;
        });
    }

    public Tracker temporary(Object user, Object tracked, TrackOption... options) {
        TrackRequest request = TrackRequest.parse(defaultUnit(), options);
        return unitOfWork.read(request.unit(), em -> {
            ObjectRef owner = userRef(em, user);
            ObjectRef trackedRef = trackedRef(em, tracked);
            return new Tracker(
                    null,
                    owner,
                    user,
                    trackedRef,
                    tracked,
                    request.verbs(),
                    request.actorOnly() == null || request.actorOnly(),
                    request.since() == null ? ActionRequests.truncate(clock.instant()) : request.since());
        });
    }

    /** The reference of a user, refusing null and, when {@code actrack.user-type} is set, other entity types. */
    public ObjectRef userRef(EntityManager em, Object user) {
        if (user == null) {
            throw Problem.NULL_USER.exception();
        }
        return requireUserType(references.of(em, user, "user"), user);
    }

    public ObjectRef requireUserType(ObjectRef ref, Object user) {
        settings.userType().filter(type -> !type.equals(ref.type())).ifPresent(type -> {
            throw Problem.NOT_USER_TYPE.exception(EntityReferences.describe(user), ref.type(), type);
        });
        return ref;
    }

    private PendingAction logChange(
            EntityManager em, Object user, String verb, List<Object> objects, TrackRequest request) {
        List<LogOption> options = new ArrayList<>(List.of(Options.targets(objects)));
        if (request.unit() != null) {
            options.add(Options.using(request.unit()));
        }
        return requests.parse(em, user, verb, options.toArray(LogOption[]::new));
    }

    private Map<ObjectRef, Object> trackedObjects(EntityManager em, Object toTrack) {
        Map<ObjectRef, Object> objects = new LinkedHashMap<>();
        for (Object object : ObjectLists.flatten(toTrack)) {
            objects.put(trackedRef(em, object), object);
        }
        return objects;
    }

    private ObjectRef trackedRef(EntityManager em, Object object) {
        if (object instanceof Class<?> type) {
            return references.ofType(em, type, "tracked type");
        }
        if (object instanceof Map<?, ?> || object instanceof CharSequence || object instanceof Number) {
            throw Problem.NOT_TRACKABLE.exception(
                    EntityReferences.describe(object), object.getClass().getName());
        }
        return references.of(em, object, "tracked object");
    }

    /**
     * Takes the tracker row's exclusive lock before its verbs change (they live in another table): unread
     * marks being made from the tracker at the same time share-lock the row, so they either finish first
     * (and the prune after the change sees them) or wait and match the changed tracker.
     */
    private static void lockForChange(EntityManager em, TrackerEntity tracker) {
        em.createNativeQuery("UPDATE actrack_tracker SET actor_only = actor_only WHERE id = ?1")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
                .setParameter(1, tracker.getId())
                .executeUpdate();
    }

    /**
     * Locks the owner's tracker row (so that concurrent {@code track} and {@code untrack} calls for the same
     * user run one after the other), then reads the owner's trackers of these objects as committed: a locking
     * read, which sees what a transaction that held the lock before committed, at any isolation level. The trackers are
     * locked in the order of their ids, as unread marks share-lock them ({@link SqlDialect#lockingRead}).
     */
    private Map<ObjectRef, TrackerEntity> lockedTrackers(
            EntityManager em, ObjectRef owner, Set<ObjectRef> tracked, Instant now) {
        Map<String, ObjectRef> byKey = new HashMap<>();
        tracked.forEach(ref -> byKey.put(ref.key(), ref));
        Map<ObjectRef, TrackerEntity> existing = new HashMap<>();
        if (byKey.isEmpty()) {
            return existing;
        }
        dialects.of(em).lockTrackerOwner(em, owner.key(), now);
        signal.trackersChanged(em, owner);
        em.createQuery(
                        "SELECT t FROM ActrackTracker t WHERE t.ownerKey = :owner AND t.trackedKey IN :tracked"
                                + " ORDER BY t.id",
                        TrackerEntity.class)
                .setParameter("owner", owner.key())
                .setParameter("tracked", List.copyOf(byKey.keySet()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(tracker -> existing.put(byKey.get(trackedRefOf(tracker).key()), tracker));
        return existing;
    }

    static ObjectRef trackedRefOf(TrackerEntity tracker) {
        return new ObjectRef(tracker.getTrackedType(), tracker.getTrackedId());
    }

    static Tracker toTracker(
            TrackerEntity tracker, ObjectRef ownerRef, Object owner, ObjectRef trackedRef, Object tracked) {
        return new Tracker(
                tracker.getId(),
                ownerRef,
                owner,
                trackedRef,
                tracked,
                tracker.getVerbs(),
                tracker.isActorOnly(),
                tracker.getCreatedAt());
    }

    private String defaultUnit() {
        return settings.persistenceUnit().orElse(null);
    }
}
