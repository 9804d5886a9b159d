/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActionQuery;
import org.actrack.ActionStream;
import org.actrack.ActrackSettings;
import org.actrack.DeletedItem;
import org.actrack.History;
import org.actrack.LogOption;
import org.actrack.LogRequest;
import org.actrack.ObjectActions;
import org.actrack.ObjectRef;
import org.actrack.ObjectTrackers;
import org.actrack.RenderContext;
import org.actrack.StreamName;
import org.actrack.Streams;
import org.actrack.TrackOption;
import org.actrack.Tracker;
import org.actrack.TrackersChanged;
import org.actrack.Unread;
import org.actrack.engine.Actrack;
import org.actrack.engine.ActrackEngine;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.Integration;

/**
 * The injectable {@link ActionLog}: the engine, built once from the CDI collaborators, with writes put
 * into a JTA transaction. {@code log} joins the caller's transaction (or the request's queue); with
 * neither it writes in a transaction of its own. The other writes ({@code track}, {@code untrack},
 * marking read, rendering with auto-read, pruning, removals) join the caller's transaction or start one. Also the
 * injectable {@link Integration} of integrations such as actrack-rest.
 */
@ApplicationScoped
@Typed({ActionLog.class, Integration.class, CdiActionLog.class})
class CdiActionLog implements ActionLog, Integration {

    @Inject
    CdiEntityManagerSource entityManagers;

    @Inject
    ActrackConfiguration configuration;

    @Inject
    CdiHandlers handlers;

    @Inject
    TransactionQueues queues;

    @Inject
    ActrackExtension extension;

    @Inject
    @Any
    Instance<ActionStream> streams;

    @Inject
    TransactionalWork transactions;

    @Inject
    Event<TrackersChanged> trackerEvents;

    private static final System.Logger LOGGER = System.getLogger(CdiActionLog.class.getName());

    private ActrackEngine engine;

    @PostConstruct
    void build() {
        Actrack.Builder builder = Actrack.builder()
                .entityManagerSource(entityManagers)
                .settings(configuration.settings())
                .clock(configuration.clock())
                .handlers(handlers)
                .handlerVerbs(extension.handlerVerbs())
                .queues(queues);
        // Each read asks CDI for the bean, so a stream of any scope is used in its context.
        for (String name : extension.streamNames()) {
            Instance<ActionStream> stream = streams.select(StreamName.Literal.of(name));
            builder.stream(name, (all, subject, arguments) -> stream.get().query(all, subject, arguments));
        }
        engine = builder.buildEngine();
        queues.beforeCommit(engine::beforeCommit);
    }

    /** The engine, for actrack-cdi's own workers (the outbox relay). */
    ActrackEngine engine() {
        return engine;
    }

    /**
     * Prepares the JPA provider when the application starts (on EclipseLink: entities removed through
     * {@code orphanRemoval} are observed), so that such a removal keeps its history even before the application's
     * first call of actrack. Where the persistence unit cannot be reached yet, the first call prepares it.
     */
    void prepareAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            transactions.required(() -> {
                engine.prepare();
                return null;
            });
        } catch (RuntimeException notYet) {
            LOGGER.log(
                    System.Logger.Level.INFO,
                    "actrack prepares the persistence unit at its first use, not at start: {0}",
                    String.valueOf(notYet));
        }
    }

    @Override
    public void log(Object actor, String verb, LogOption... options) {
        if (queues.current() != null) {
            engine.log(actor, verb, options);
        } else {
            transactions.requiresNew(() -> {
                engine.log(actor, verb, options);
                return null;
            });
        }
    }

    @Override
    public void logAll(List<LogRequest> requests) {
        if (queues.current() != null) {
            engine.logAll(requests);
        } else {
            transactions.requiresNew(() -> {
                engine.logAll(requests);
                return null;
            });
        }
    }

    @Override
    public List<Tracker> track(Object user, Object toTrack, TrackOption... options) {
        List<Tracker> trackers = transactions.required(() -> engine.track(user, toTrack, options));
        announceTrackersOf(user);
        return trackers;
    }

    @Override
    public int untrack(Object user, Object toUntrack, TrackOption... options) {
        int changed = transactions.required(() -> engine.untrack(user, toUntrack, options));
        announceTrackersOf(user);
        return changed;
    }

    @Override
    public List<Tracker> trackAll(Iterable<?> users, Object toTrack, TrackOption... options) {
        List<Tracker> trackers = transactions.required(() -> engine.trackAll(users, toTrack, options));
        trackers.stream().map(Tracker::ownerRef).distinct().forEach(this::announceTrackersOfOwner);
        return trackers;
    }

    /** Fires {@link TrackersChanged} for the user once the transaction that changed the trackers has committed. */
    private void announceTrackersOf(Object user) {
        announceTrackersOfOwner(engine.fanout().ref(user));
    }

    private void announceTrackersOfOwner(ObjectRef owner) {
        queues.afterCommit("TrackersChanged", () -> trackerEvents.fire(new TrackersChanged(owner)));
    }

    @Override
    public java.util.Optional<Action> action(long id) {
        return engine.action(id);
    }

    @Override
    public org.actrack.PersonalData personalData() {
        return engine.personalData();
    }

    @Override
    public java.util.Optional<Action> actionByForeignId(String foreignId) {
        return engine.actionByForeignId(foreignId);
    }

    @Override
    public ObjectActions actions(Object object) {
        return engine.actions(object);
    }

    @Override
    public ObjectTrackers trackers(Object object) {
        return engine.trackers(object);
    }

    @Override
    public ActionQuery trackedBy(Tracker tracker) {
        return engine.trackedBy(tracker);
    }

    @Override
    public Tracker temporaryTracker(Object user, Object tracked, TrackOption... options) {
        return engine.temporaryTracker(user, tracked, options);
    }

    @Override
    public org.actrack.spi.StorageState storageState(int countUpTo) {
        return engine.storageState(countUpTo);
    }

    @Override
    public ActionHandler handler(String verb) {
        return engine.handler(verb);
    }

    @Override
    public Unread unread(Object user) {
        Unread unread = engine.unread(user);
        return new Unread() {
            @Override
            public boolean isUnread(Action action) {
                return unread.isUnread(action);
            }

            @Override
            public List<Boolean> areUnread(List<Action> actions) {
                return unread.areUnread(actions);
            }

            @Override
            public boolean markRead(Action action, boolean force) {
                return transactions.required(() -> unread.markRead(action, force));
            }

            @Override
            public List<Boolean> markRead(List<Action> actions, boolean force) {
                return transactions.required(() -> unread.markRead(actions, force));
            }

            @Override
            public int markRead(org.actrack.ActionGroup group) {
                return transactions.required(() -> unread.markRead(group));
            }

            @Override
            public long count() {
                return unread.count();
            }

            @Override
            public int markAllRead() {
                return transactions.required(unread::markAllRead);
            }

            @Override
            public void markSeen() {
                transactions.required(() -> {
                    unread.markSeen();
                    return null;
                });
            }

            @Override
            public long countUnseen() {
                return unread.countUnseen();
            }

            @Override
            public Optional<Instant> seenUntil() {
                return unread.seenUntil();
            }
        };
    }

    @Override
    public History history() {
        History history = engine.history();
        return new History() {
            @Override
            public long prune(Instant olderThan) {
                // The partitions first, in a transaction of their own when the caller has none: their lock ends there.
                long dropped = transactions.required(() -> engine.dropOldPartitions(olderThan));
                return dropped + transactions.required(() -> engine.deleteOldActions(olderThan));
            }

            @Override
            public void entityRemoved(Object entity) {
                transactions.required(() -> {
                    history.entityRemoved(entity);
                    return null;
                });
            }

            @Override
            public void entitiesRemoved(Class<?> entityType, Collection<?> ids) {
                transactions.required(() -> {
                    history.entitiesRemoved(entityType, ids);
                    return null;
                });
            }

            @Override
            public DeletedItem deletedItem(Object entity) {
                return transactions.required(() -> history.deletedItem(entity));
            }
        };
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == Integration.class || type == ActionLog.class) {
            return type.cast(this);
        }
        return engine.unwrap(type);
    }

    /** Rendering writes only when it marks read (auto-read, a user, no known unread state): then in a transaction. */
    @Override
    public String render(Action action, RenderContext context) {
        return marksRead(context)
                ? transactions.required(() -> engine.render(action, context))
                : engine.render(action, context);
    }

    @Override
    public List<String> renderAll(List<Action> actions, RenderContext context) {
        return marksRead(context)
                ? transactions.required(() -> engine.renderAll(actions, context))
                : engine.renderAll(actions, context);
    }

    @Override
    public List<String> renderAll(List<Action> actions, RenderContext context, List<Boolean> unread) {
        return engine.renderAll(actions, context, unread);
    }

    @Override
    public org.actrack.spi.Fanout fanout() {
        return engine.fanout();
    }

    private boolean marksRead(RenderContext context) {
        return context.user() != null
                && context.unread() == null
                && engine.settings().autoRead();
    }

    @Override
    public java.util.Optional<Class<?>> connectedType(String entityName) {
        return engine.connectedType(entityName);
    }

    @Override
    public java.util.Optional<Object> connectedObject(ObjectRef ref) {
        return engine.connectedObject(ref);
    }

    @Override
    public Streams streams() {
        return engine.streams();
    }

    @Override
    public ActrackSettings settings() {
        return engine.settings();
    }

    void flush(ActionQueue queue) {
        engine.flush(queue);
    }
}
