/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActionQuery;
import org.actrack.ActrackSettings;
import org.actrack.Connected;
import org.actrack.DeletedItem;
import org.actrack.History;
import org.actrack.LogOption;
import org.actrack.LogRequest;
import org.actrack.ObjectActions;
import org.actrack.ObjectRef;
import org.actrack.ObjectTrackers;
import org.actrack.PersonalData;
import org.actrack.RenderContext;
import org.actrack.Streams;
import org.actrack.TrackOption;
import org.actrack.Tracker;
import org.actrack.TrackerQuery;
import org.actrack.Unread;
import org.actrack.engine.history.Deletions;
import org.actrack.engine.history.Retention;
import org.actrack.engine.model.Role;
import org.actrack.engine.read.ActionLoader;
import org.actrack.engine.read.ActionQueryImpl;
import org.actrack.engine.read.CursorSigner;
import org.actrack.engine.read.EngineFanout;
import org.actrack.engine.read.GroupRules;
import org.actrack.engine.read.Match;
import org.actrack.engine.read.ReferenceResolver;
import org.actrack.engine.read.TrackerQueryImpl;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.tracking.TrackerRow;
import org.actrack.engine.tracking.Tracking;
import org.actrack.engine.tracking.UnreadMarks;
import org.actrack.engine.write.ActionQueue;
import org.actrack.engine.write.ActionSink;
import org.actrack.engine.write.PendingAction;
import org.actrack.engine.write.QueueProcessor;
import org.actrack.spi.Integration;

/** The engine's {@link ActionLog}: validates, hands actions to the sink, and builds queries. */
final class EngineActionLog implements ActrackEngine, Streams, History {

    /** The most outbox events {@link #storageState} counts. */
    private static final int MAX_BACKLOG_COUNT = 1_000_000;

    private final ActrackSettings settings;
    private final UnitOfWork unitOfWork;
    private final EntityReferences references;
    private final ActionRequests requests;
    private final ActionSink sink;
    private final Tracking tracking;
    private final QueueProcessor processor;
    private final UnreadMarks unread;
    private final Clock clock;
    private final Rendering rendering;
    private final Deletions deletions;
    private final Function<String, ActionHandler> handlers;
    private final ActionQueryImpl.QueryContext queries;
    private final TrackerQueryImpl.Context trackerQueries;
    private final Retention retention;
    private final EngineFanout fanout;
    private final CustomStreams customStreams;
    private final org.actrack.engine.write.OutboxRelay outboxRelay;
    private final PersonalData personalData;

    EngineActionLog(
            ActrackSettings settings,
            UnitOfWork unitOfWork,
            EntityReferences references,
            ActionRequests requests,
            ActionSink sink,
            Tracking tracking,
            ActionLoader loader,
            ReferenceResolver resolver,
            QueueProcessor processor,
            Function<String, ActionHandler> handlers,
            UnreadMarks unread,
            Clock clock,
            Deletions deletions,
            SqlDialect.Detection dialects,
            CustomStreams customStreams,
            Set<String> handlerVerbs,
            PersonalData personalData) {
        this.personalData = personalData;
        this.customStreams = customStreams;
        this.deletions = deletions;
        this.processor = processor;
        this.handlers = handlers;
        this.retention = new Retention(dialects);
        this.unread = unread;
        this.clock = clock;
        this.rendering = new Rendering(handlers, clock, this::unreadAndMarkRead);
        this.settings = settings;
        this.unitOfWork = unitOfWork;
        this.references = references;
        this.requests = requests;
        this.sink = sink;
        this.tracking = tracking;
        String unit = settings.persistenceUnit().orElse(null);
        this.queries = new ActionQueryImpl.QueryContext(
                unitOfWork,
                loader,
                settings,
                unit,
                this::userRef,
                clock,
                CursorSigner.of(settings),
                dialects,
                new GroupRules(handlers, handlerVerbs, settings.groupBucketSeconds()),
                unread.positions());
        this.trackerQueries = new TrackerQueryImpl.Context(unitOfWork, resolver, references, unit);
        this.fanout = new EngineFanout(
                unitOfWork, unit, loader, references, dialects, settings.notifyChannel(), unread.positions());
        this.outboxRelay = new org.actrack.engine.write.OutboxRelay(
                unitOfWork, unit, clock, settings.outboxBatch(), settings.outboxMaxAttempts(), dialects);
    }

    @Override
    public void log(Object actor, String verb, LogOption... options) {
        String unit = requests.unitOf(options);
        if (sink.writesNow()) {
            unitOfWork.write(unit, "logging an action", UnitOfWork.Flush.WITH_TRANSACTION, em -> {
                sink.accept(em, requests.parse(em, actor, verb, options));
                return null;
            });
        } else {
            sink.accept(null, unitOfWork.readForLogging(unit, em -> requests.parse(em, actor, verb, options)));
        }
    }

    @Override
    public void logAll(List<LogRequest> logRequests) {
        if (logRequests == null || logRequests.isEmpty() || logRequests.stream().anyMatch(Objects::isNull)) {
            throw Problem.NULL_LOG_REQUEST.exception(
                    logRequests == null
                            ? "The list of log requests is null"
                            : logRequests.isEmpty()
                                    ? "The list of log requests is empty"
                                    : "A log request in the list is null");
        }
        Map<String, List<LogRequest>> byUnit = new LinkedHashMap<>();
        for (LogRequest request : logRequests) {
            byUnit.computeIfAbsent(
                            requests.unitOf(request.options().toArray(LogOption[]::new)), unit -> new ArrayList<>())
                    .add(request);
        }
        // Every request is validated before any is written: one bad request writes nothing.
        Map<String, List<PendingAction>> parsed = new LinkedHashMap<>();
        byUnit.forEach((unit, unitRequests) -> parsed.put(
                unit,
                unitOfWork.readForLogging(
                        unit,
                        em -> unitRequests.stream()
                                .map(r -> requests.parse(
                                        em, r.actor(), r.verb(), r.options().toArray(LogOption[]::new)))
                                .toList())));
        if (sink.writesNow()) {
            parsed.forEach((unit, actions) -> unitOfWork.write(
                    unit, "logging " + actions.size() + " actions", UnitOfWork.Flush.WITH_TRANSACTION, em -> {
                        sink.acceptAll(em, actions);
                        return null;
                    }));
        } else {
            parsed.values().forEach(actions -> actions.forEach(action -> sink.accept(null, action)));
        }
    }

    @Override
    public void beforeCommit(ActionQueue queue) {
        for (String unit : unitsOf(queue)) {
            unitOfWork.write(unit, "writing a transaction's actions", UnitOfWork.Flush.NEVER, em -> {
                processor.writeDeferred(em, queue, unit);
                return null;
            });
        }
    }

    @Override
    public void prepare() {
        unitOfWork.prepare(queries.unit());
    }

    @Override
    public org.actrack.engine.write.OutboxRelay outboxRelay() {
        return outboxRelay;
    }

    @Override
    public org.actrack.spi.StorageState storageState(int countUpTo) {
        if (countUpTo < 1 || countUpTo > MAX_BACKLOG_COUNT) {
            throw new IllegalArgumentException("countUpTo is " + countUpTo + "; it must be 1 to " + MAX_BACKLOG_COUNT);
        }
        try {
            return unitOfWork.read(queries.unit(), em -> {
                // A read of one of actrack's tables: the database answers, and the tables are there.
                unitOfWork.nativeRows(
                        em, "SELECT COUNT(*) FROM actrack_tracker_owner WHERE owner_key = ?", List.of(""));
                if (!settings.outbox()) {
                    return new org.actrack.spi.StorageState(true, null, 0, null);
                }
                org.actrack.engine.write.OutboxRelay.Backlog backlog = outboxRelay.backlog(em, countUpTo);
                return new org.actrack.spi.StorageState(true, null, backlog.pending(), backlog.oldest());
            });
        } catch (RuntimeException unreachable) {
            Throwable cause = unreachable;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return org.actrack.spi.StorageState.unreachable(
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    public void flush(ActionQueue queue) {
        for (String unit : unitsOf(queue)) {
            unitOfWork.write(unit, "writing the actions of a request", em -> {
                // The unread marks of all the request's actions are matched with one read of their trackers, as a
                // bulk call's are, rather than with one statement per action.
                queue.defersUnread(true);
                try {
                    processor.flush(em, queue, unit);
                } finally {
                    queue.defersUnread(false);
                    processor.writeDeferred(em, queue, unit);
                }
                return null;
            });
        }
    }

    /** The persistence units of a queue's actions, in logging order. */
    private static Set<String> unitsOf(ActionQueue queue) {
        Set<String> units = new LinkedHashSet<>();
        queue.entries().forEach(entry -> units.add(entry.action().unit()));
        return units;
    }

    @Override
    public ActionHandler handler(String verb) {
        ActionRequests.requireVerb(verb);
        return handlers.apply(verb);
    }

    @Override
    public List<Tracker> track(Object user, Object toTrack, TrackOption... options) {
        return tracking.track(user, toTrack, options);
    }

    @Override
    public List<Tracker> trackAll(Iterable<?> users, Object toTrack, TrackOption... options) {
        return tracking.trackAll(users, toTrack, options);
    }

    @Override
    public int untrack(Object user, Object toUntrack, TrackOption... options) {
        return tracking.untrack(user, toUntrack, options);
    }

    @Override
    public java.util.Optional<Action> action(long id) {
        return unitOfWork.read(
                queries.unit(),
                em -> queries.loader().load(em, List.of(id)).stream().findFirst());
    }

    @Override
    public PersonalData personalData() {
        return personalData;
    }

    @Override
    public java.util.Optional<Action> actionByForeignId(String foreignId) {
        ActionRequests.requireForeignId(foreignId);
        return unitOfWork.read(
                queries.unit(),
                em -> em.createQuery("SELECT a.id FROM ActrackAction a WHERE a.foreignId = :key", Long.class)
                        .setParameter("key", foreignId)
                        .getResultStream()
                        .findFirst()
                        .flatMap(id ->
                                queries.loader().load(em, List.of(id)).stream().findFirst()));
    }

    @Override
    public ObjectActions actions(Object object) {
        return new Actions(
                object,
                ref(object, "object passed to actions(…) (the entity whose actions, or the user whose feed, to read)"));
    }

    @Override
    public ObjectTrackers trackers(Object object) {
        return new Trackers(
                object,
                ref(object, "object passed to trackers(…) (the tracked entity or the user whose trackers to read)"));
    }

    @Override
    public ActionQuery trackedBy(Tracker tracker) {
        Match match = Match.tracking(tracker.trackedRef(), tracker.actorOnly(), tracker.verbs());
        return query(
                "tracked-by:" + tracker.trackedRef().key() + ":" + tracker.actorOnly() + ":"
                        + new TreeSet<>(tracker.verbs()),
                List.of(match),
                null);
    }

    @Override
    public Tracker temporaryTracker(Object user, Object tracked, TrackOption... options) {
        return tracking.temporary(user, tracked, options);
    }

    boolean isUnreadFor(Action action, Object user) {
        return unitOfWork.read(queries.unit(), em -> unread.isUnread(em, userRef(em, user), action.id()));
    }

    List<Boolean> areUnreadFor(Object user, List<Action> actions) {
        return unitOfWork.read(queries.unit(), em -> {
            Set<Long> unreadIds = unread.unreadAmong(em, userRef(em, user), ids(actions));
            return actions.stream()
                    .map(action -> action.level() >= settings.readableLevel() && unreadIds.contains(action.id()))
                    .toList();
        });
    }

    boolean markReadFor(Action action, Object user, boolean force) {
        return markReadFor(user, List.of(action), force).get(0);
    }

    List<Boolean> markReadFor(Object user, List<Action> actions, boolean force) {
        ObjectRef owner = userRef(user);
        List<Long> ids = ids(actions);
        return unitOfWork.write(queries.unit(), "marking actions read", em -> unread.markRead(em, owner, ids, force));
    }

    /** Marks the actions with these ids read for the user, whatever {@link ActrackSettings#autoRead()} says. */
    List<Boolean> markIdsReadFor(Object user, List<Long> ids) {
        ObjectRef owner = userRef(user);
        return unitOfWork.write(queries.unit(), "marking a group read", em -> unread.markRead(em, owner, ids, true));
    }

    long unreadCount(Object user) {
        return unitOfWork.read(queries.unit(), em -> unread.count(em, userRef(em, user)));
    }

    @Override
    public long prune(Instant olderThan) {
        if (olderThan == null) {
            throw Problem.NULL_PRUNE_TIME.exception();
        }
        // Two units of work: joined to the caller's transaction when there is one, else each its own, so that the lock
        // dropping partitions takes ends before the rest is deleted row by row.
        return dropOldPartitions(olderThan) + deleteOldActions(olderThan);
    }

    @Override
    public long deleteOldActions(Instant olderThan) {
        if (olderThan == null) {
            throw Problem.NULL_PRUNE_TIME.exception();
        }
        return unitOfWork.write(queries.unit(), "pruning old actions", em -> retention.deleteRows(em, olderThan));
    }

    @Override
    public long dropOldPartitions(Instant olderThan) {
        if (olderThan == null) {
            throw Problem.NULL_PRUNE_TIME.exception();
        }
        return unitOfWork.write(
                queries.unit(), "dropping old partitions", em -> retention.dropPartitions(em, olderThan));
    }

    void markSeen(Object user) {
        ObjectRef owner = userRef(user);
        unitOfWork.write(queries.unit(), "marking the feed seen", em -> {
            unread.markSeen(em, owner, ActionRequests.truncate(clock.instant()));
            return null;
        });
    }

    long countUnseen(Object user) {
        return unitOfWork.read(queries.unit(), em -> unread.countUnseen(em, userRef(em, user)));
    }

    Optional<Instant> seenUntil(Object user) {
        return unitOfWork.read(queries.unit(), em -> unread.seenUntil(em, userRef(em, user)));
    }

    int markAllRead(Object user) {
        ObjectRef owner = userRef(user);
        return unitOfWork.write(
                queries.unit(),
                "marking all read",
                em -> unread.markAllRead(em, owner, ActionRequests.truncate(clock.instant())));
    }

    @Override
    public String render(Action action, RenderContext context) {
        return rendering.render(List.of(action), context).get(0);
    }

    @Override
    public List<String> renderAll(List<Action> actions, RenderContext context) {
        return rendering.render(actions, context);
    }

    @Override
    public List<String> renderAll(List<Action> actions, RenderContext context, List<Boolean> unread) {
        if (unread == null || unread.size() != actions.size()) {
            throw new IllegalArgumentException("One unread flag per action is needed: " + actions.size() + " actions, "
                    + (unread == null ? "no" : unread.size()) + " flags");
        }
        return rendering.render(actions, context, unread);
    }

    @Override
    public org.actrack.spi.Fanout fanout() {
        return fanout;
    }

    @Override
    public void entityRemoved(Object entity) {
        unitOfWork.write(queries.unit(), "keeping the history of a removed entity", UnitOfWork.Flush.NEVER, em -> {
            ObjectRef ref = references.of(em, entity, "removed entity");
            boolean keepsHistory = usesDeletedItems(entity.getClass());
            ObjectRef item = deletions.removed(
                    em,
                    Deletions.remainsOf(entity, ref, EntityReferences.idOf(em, entity)),
                    keepsHistory,
                    sink.waitsFor(ref));
            afterRemoval(em, ref, keepsHistory, item);
            return null;
        });
    }

    @Override
    public void entitiesRemoved(Class<?> entityType, Collection<?> ids) {
        if (ids == null || ids.stream().anyMatch(Objects::isNull)) {
            throw Problem.NULL_OBJECT.exception(ids == null ? "list of removed ids" : "removed id");
        }
        // Every id is checked before anything is written.
        String type = unitOfWork.read(queries.unit(), em -> references.entityName(em, entityType));
        Map<Object, ObjectRef> refs = new LinkedHashMap<>();
        for (Object id : ids) {
            refs.put(id, references.checked(ObjectRef.of(type, EntityIds.toText(id)), "removed entity", id));
        }
        unitOfWork.write(queries.unit(), "keeping the history of removed entities", em -> {
            refs.forEach((id, ref) -> {
                Map<String, Object> serialization = new LinkedHashMap<>();
                serialization.put("id", id);
                boolean keepsHistory = usesDeletedItems(entityType);
                ObjectRef item = deletions.removed(
                        em,
                        new Deletions.Remains(ref, type + " " + id, serialization),
                        keepsHistory,
                        sink.waitsFor(ref));
                afterRemoval(em, ref, keepsHistory, item);
            });
            return null;
        });
    }

    /** What a removal does to the actions of the transaction's queue: as it did to those in the database. */
    private void afterRemoval(EntityManager em, ObjectRef removed, boolean keepsHistory, ObjectRef item) {
        if (!keepsHistory) {
            sink.dropQueued(em, removed);
        } else if (item != null) {
            sink.repointQueued(removed, item);
        }
    }

    @Override
    public DeletedItem deletedItem(Object entity) {
        return unitOfWork.write(queries.unit(), "creating a deleted item", em -> {
            ObjectRef ref = references.of(em, entity, "removed entity");
            return deletions.toApi(
                    deletions.deletedItem(em, Deletions.remainsOf(entity, ref, EntityReferences.idOf(em, entity))));
        });
    }

    @Override
    public java.util.Optional<Class<?>> connectedType(String entityName) {
        return unitOfWork.read(
                queries.unit(), em -> ConnectedObjects.type(em, entityName).<Class<?>>map(EntityType::getJavaType));
    }

    @Override
    public java.util.Optional<Object> connectedObject(ObjectRef ref) {
        return unitOfWork.read(queries.unit(), em -> ConnectedObjects.find(em, ref));
    }

    /**
     * Whether the removal of an entity of {@code type} keeps deleted items: {@code @Connected(useDeletedItems)} of the
     * class or its nearest superclass; deleted items when not connected.
     */
    static boolean usesDeletedItems(Class<?> type) {
        return ConnectedObjects.annotationOf(type)
                .map(Connected::useDeletedItems)
                .orElse(true);
    }

    /** Rendering is reading: with auto-read on, the actions are marked read and the flags say which were unread. */
    private List<Boolean> unreadAndMarkRead(Object user, List<Action> actions) {
        return settings.autoRead() ? markReadFor(user, actions, false) : areUnreadFor(user, actions);
    }

    private static List<Long> ids(List<Action> actions) {
        return actions.stream().map(Action::id).toList();
    }

    private ObjectRef userRef(Object user) {
        return unitOfWork.read(queries.unit(), em -> userRef(em, user));
    }

    private ObjectRef userRef(EntityManager em, Object user) {
        return tracking.userRef(em, user);
    }

    @Override
    public Unread unread(Object user) {
        if (user == null) {
            throw Problem.NULL_USER.exception();
        }
        return new UserUnread(this, user);
    }

    @Override
    public History history() {
        return this;
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == Integration.class || type == ActionLog.class) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("An ActionLog cannot be unwrapped as "
                + (type == null ? null : type.getName()) + "; it can be unwrapped as " + Integration.class.getName());
    }

    @Override
    public Streams streams() {
        return this;
    }

    @Override
    public ActrackSettings settings() {
        return settings;
    }

    @Override
    public ActionQuery actor(Object object) {
        return actions(object).asActor();
    }

    @Override
    public ActionQuery target(Object object) {
        return actions(object).asTarget();
    }

    @Override
    public ActionQuery actionObject(Object object) {
        return actions(object).asRelated();
    }

    @Override
    public ActionQuery model(Class<?> entityType) {
        ObjectRef type = unitOfWork.read(queries.unit(), em -> references.ofType(em, entityType, "entity type"));
        return query("model:" + type.key(), List.of(Match.anyRole(type)), null);
    }

    @Override
    public ActionQuery any(Object object) {
        return actions(object).all();
    }

    @Override
    public ActionQuery user(Object user, boolean withUserActivity) {
        if (user == null) {
            throw Problem.NULL_USER.exception();
        }
        return actions(user).feed(withUserActivity);
    }

    @Override
    public ActionQuery named(String name, Object subject, Map<String, ?> arguments) {
        return customStreams.query(this, name, subject, arguments);
    }

    @Override
    public SortedSet<String> names() {
        return customStreams.names();
    }

    private ObjectRef ref(Object object, String role) {
        return unitOfWork.read(queries.unit(), em -> references.of(em, object, role));
    }

    private ActionQuery query(String identity, List<Match> matches, Integer levelFloor) {
        return new ActionQueryImpl(queries, identity, em -> matches, levelFloor);
    }

    /** The matches of a user's feed: one per tracker, read when the query runs. */
    private Function<EntityManager, List<Match>> feedMatches(ObjectRef user, boolean includeOwn) {
        return em -> {
            List<Match> matches = new ArrayList<>(TrackerRow.feedMatches(em, user, unitOfWork::nativeRows));
            if (includeOwn) {
                matches.add(Match.of(user, Role.ACTOR));
            }
            return matches;
        };
    }

    /**
     * The matches of a user's feed seen through a scope: each tracker, with its object resolved, is asked how far it
     * counts (one query per entity type for the trackers' objects, then the scope's rules in memory).
     */
    private Function<EntityManager, List<Match>> scopedFeedMatches(
            Object user, ObjectRef userRef, org.actrack.FeedScope scope) {
        return em -> {
            List<TrackerRow> rows = TrackerRow.ownedBy(em, userRef);
            Map<ObjectRef, Object> resolved = trackerQueries
                    .resolver()
                    .resolve(em, rows.stream().map(TrackerRow::tracked).toList());
            List<Match> matches = new ArrayList<>(rows.size());
            for (TrackerRow row : rows) {
                Tracker tracker = new Tracker(
                        row.id(),
                        userRef,
                        user,
                        row.tracked(),
                        resolved.get(row.tracked()),
                        row.verbs(),
                        row.actorOnly(),
                        row.createdAt(),
                        row.flag());
                scope.limits(tracker)
                        .flatMap(limits -> Match.tracking(row.tracked(), row.actorOnly(), row.verbs(), limits))
                        .ifPresent(matches::add);
            }
            return matches;
        };
    }

    private final class Actions implements ObjectActions {
        private final Object object;
        private final ObjectRef ref;

        Actions(Object object, ObjectRef ref) {
            this.object = object;
            this.ref = ref;
        }

        @Override
        public ActionQuery all() {
            return query("any:" + ref.key(), List.of(Match.anyRole(ref)), null);
        }

        @Override
        public ActionQuery asActor() {
            return query("actor:" + ref.key(), List.of(Match.of(ref, Role.ACTOR)), null);
        }

        @Override
        public ActionQuery asTarget() {
            return query("target:" + ref.key(), List.of(Match.of(ref, Role.TARGET)), null);
        }

        @Override
        public ActionQuery asRelated() {
            return query("related:" + ref.key(), List.of(Match.of(ref, Role.RELATED)), null);
        }

        @Override
        public ActionQuery feed(org.actrack.FeedScope scope) {
            java.util.Objects.requireNonNull(scope, "scope");
            tracking.requireUserType(ref, object);
            return new ActionQueryImpl(
                    queries, "feed:" + ref.key(), scopedFeedMatches(object, ref, scope), settings.readableLevel());
        }

        @Override
        public ActionQuery feed(boolean includeOwn) {
            tracking.requireUserType(ref, object);
            return new ActionQueryImpl(
                    queries,
                    "feed:" + ref.key() + (includeOwn ? ":own" : ""),
                    feedMatches(ref, includeOwn),
                    settings.readableLevel(),
                    ref);
        }
    }

    private final class Trackers implements ObjectTrackers {
        private final Object object;
        private final ObjectRef ref;

        Trackers(Object object, ObjectRef ref) {
            this.object = object;
            this.ref = ref;
        }

        @Override
        public TrackerQuery all() {
            boolean mayOwn =
                    settings.userType().map(type -> type.equals(ref.type())).orElse(true);
            return new TrackerQueryImpl(trackerQueries, ref, mayOwn ? ref : null);
        }

        @Override
        public TrackerQuery tracking() {
            return new TrackerQueryImpl(trackerQueries, ref, null);
        }

        @Override
        public TrackerQuery owned() {
            tracking.requireUserType(ref, object);
            return new TrackerQueryImpl(trackerQueries, null, ref);
        }
    }
}
