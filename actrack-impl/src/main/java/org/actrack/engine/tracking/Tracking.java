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
import java.util.Collections;
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

    /** The most users one {@link #trackAll} call takes: their rows are locked, and their trackers read, in one statement. */
    public static final int MAX_USERS = 1_000;

    public List<Tracker> track(Object user, Object toTrack, TrackOption... options) {
        return trackAll(Collections.singletonList(user), toTrack, options);
    }

    /**
     * Makes each user track the objects: every user and object checked first, then the users' rows locked in one
     * statement (in key order), their trackers of the objects read and locked in one, and the new ones written
     * together.
     */
    public List<Tracker> trackAll(Iterable<?> users, Object toTrack, TrackOption... options) {
        if (users == null) {
            throw Problem.NULL_USER.exception();
        }
        TrackRequest request = TrackRequest.parse(defaultUnit(), options);
        return unitOfWork.write(request.unit(), "tracking", em -> {
            Map<String, Owner> owners = owners(em, users);
            Map<ObjectRef, Object> objects = trackedObjects(em, toTrack);
            objects.forEach((ref, object) -> {
                if (!ref.isWholeType()) {
                    references.requireStored(em, object, ref, "tracked object");
                }
            });
            Instant now = clock.instant();
            Map<String, Map<ObjectRef, TrackerEntity>> existing = lockedTrackers(
                    em, owners.values().stream().map(Owner::ref).toList(), objects.keySet(), request.flag(), now);
            List<PendingAction> started = new ArrayList<>();
            if (request.log()) {
                for (Owner owner : owners.values()) {
                    List<Object> newInstances = new ArrayList<>();
                    objects.forEach((ref, object) -> {
                        if (!existing.get(owner.ref().key()).containsKey(ref) && !ref.isWholeType()) {
                            newInstances.add(object);
                        }
                    });
                    if (!newInstances.isEmpty()) {
                        started.add(logChange(em, owner.user(), ActionLog.STARTED_TRACKING, newInstances, request));
                    }
                }
            }

            Map<Owner, Map<ObjectRef, TrackerEntity>> trackers = new LinkedHashMap<>();
            List<ObjectRef> narrowed = new ArrayList<>();
            for (Owner owner : owners.values()) {
                OwnTrackers own = tracked(
                        em,
                        owner.ref(),
                        objects.keySet(),
                        existing.get(owner.ref().key()),
                        request,
                        now);
                if (own.narrowed()) {
                    narrowed.add(owner.ref());
                }
                trackers.put(owner, own.trackers());
            }
            // Written now: ids assigned on insert (MariaDB with MySQLPlatform) are known before they are returned.
            em.flush();
            narrowed.forEach(owner -> unread.pruneOwner(em, owner));
            List<Tracker> result = new ArrayList<>();
            trackers.forEach((owner, ownTrackers) -> ownTrackers.forEach((ref, tracker) ->
                    result.add(toTracker(tracker, owner.ref(), owner.user(), ref, objects.get(ref)))));
            started.forEach(action -> sink.accept(em, action));
            return result;
        });
    }

    /** A user of a {@code trackAll} call and their reference. */
    private record Owner(ObjectRef ref, Object user) {}

    /** One user's trackers of a call's objects, and whether a change narrowed what one of them matches. */
    private record OwnTrackers(Map<ObjectRef, TrackerEntity> trackers, boolean narrowed) {}

    /** The users of a call by key, each once, in the order given; refused as a whole before anything is written. */
    private Map<String, Owner> owners(EntityManager em, Iterable<?> users) {
        List<Object> given = new ArrayList<>();
        users.forEach(given::add);
        if (given.size() > MAX_USERS) {
            throw Problem.TOO_MANY_USERS.exception(given.size(), MAX_USERS);
        }
        Map<String, Owner> owners = new LinkedHashMap<>();
        for (Object user : given) {
            ObjectRef ref = userRef(em, user);
            owners.putIfAbsent(ref.key(), new Owner(ref, user));
        }
        return owners;
    }

    /**
     * One user's trackers of the objects: the existing ones changed as the request says (a change that narrows what a
     * tracker matches locks it first: {@link #lockForChange}), new ones persisted.
     */
    private OwnTrackers tracked(
            EntityManager em,
            ObjectRef owner,
            Set<ObjectRef> objects,
            Map<ObjectRef, TrackerEntity> existing,
            TrackRequest request,
            Instant now) {
        Map<ObjectRef, TrackerEntity> trackers = new LinkedHashMap<>();
        boolean narrowed = false;
        for (ObjectRef ref : objects) {
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
                        request.since() == null ? ActionRequests.truncate(now) : request.since(),
                        request.flag());
                em.persist(tracker);
            } else {
                boolean narrows = !request.verbs().isEmpty() && !request.verbs().containsAll(tracker.getVerbs())
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
        return new OwnTrackers(trackers, narrowed);
    }

    public int untrack(Object user, Object toUntrack, TrackOption... options) {
        TrackRequest request = TrackRequest.parse(defaultUnit(), options).forUntrack();
        return unitOfWork.write(request.unit(), "untracking", em -> {
            ObjectRef owner = userRef(em, user);
            Map<ObjectRef, Object> objects = trackedObjects(em, toUntrack);
            Map<ObjectRef, TrackerEntity> existing = lockedTrackers(
                            em, List.of(owner), objects.keySet(), request.flag(), clock.instant())
                    .get(owner.key());
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
                    request.since() == null ? ActionRequests.truncate(clock.instant()) : request.since(),
                    request.flag());
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
     * Locks the owners' rows (so that concurrent {@code track} and {@code untrack} calls for the same user run one
     * after the other; several owners in one statement, in key order), then reads their trackers of these objects as
     * committed: a locking read, which sees what a transaction that held the lock before committed, at any isolation
     * level. Only the trackers of the call's flag count (empty: those without one). The trackers are locked in the order of their ids, as unread marks share-lock them
     * ({@link SqlDialect#lockingRead}). Every owner has a map in the result, empty when they track none of the objects.
     */
    private Map<String, Map<ObjectRef, TrackerEntity>> lockedTrackers(
            EntityManager em, List<ObjectRef> owners, Set<ObjectRef> tracked, String flag, Instant now) {
        Map<String, Map<ObjectRef, TrackerEntity>> existing = new HashMap<>();
        owners.forEach(owner -> existing.put(owner.key(), new HashMap<>()));
        Map<String, ObjectRef> byKey = new HashMap<>();
        tracked.forEach(ref -> byKey.put(ref.key(), ref));
        if (byKey.isEmpty() || owners.isEmpty()) {
            return existing;
        }
        dialects.of(em).lockTrackerOwners(em, existing.keySet(), now);
        owners.forEach(owner -> signal.trackersChanged(em, owner));
        em.createQuery(
                        "SELECT t FROM ActrackTracker t WHERE t.ownerKey IN :owners AND t.trackedKey IN :tracked"
                                + " AND t.flag = :flag ORDER BY t.id",
                        TrackerEntity.class)
                .setParameter("owners", List.copyOf(existing.keySet()))
                .setParameter("flag", flag)
                .setParameter("tracked", List.copyOf(byKey.keySet()))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .forEach(tracker -> existing.get(tracker.getOwnerKey())
                        .put(byKey.get(trackedRefOf(tracker).key()), tracker));
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
                tracker.getCreatedAt(),
                tracker.getFlag());
    }

    private String defaultUnit() {
        return settings.persistenceUnit().orElse(null);
    }
}
