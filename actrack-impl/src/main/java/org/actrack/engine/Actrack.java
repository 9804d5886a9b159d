/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.ActionStream;
import org.actrack.ActrackSettings;
import org.actrack.engine.history.Deletions;
import org.actrack.engine.history.RemovedObjects;
import org.actrack.engine.read.ActionLoader;
import org.actrack.engine.read.ReferenceResolver;
import org.actrack.engine.sql.ProviderHooks;
import org.actrack.engine.sql.SqlDialect;
import org.actrack.engine.tracking.PositionUnread;
import org.actrack.engine.tracking.Tracking;
import org.actrack.engine.tracking.UnreadMarks;
import org.actrack.engine.write.ActionSink;
import org.actrack.engine.write.ActionWriter;
import org.actrack.engine.write.CommitSignal;
import org.actrack.engine.write.IdBlocks;
import org.actrack.engine.write.OutboxEvents;
import org.actrack.engine.write.QueueBinding;
import org.actrack.engine.write.QueueProcessor;
import org.actrack.spi.EntityManagerSource;

/**
 * Builds an {@link ActionLog} without CDI:
 *
 * <pre>{@code
 * ActionLog log = Actrack.builder()
 *         .entityManagerFactory(emf)          // a unit listing actrack's entities and yours
 *         .settings(ActrackSettings.from(key -> Optional.ofNullable(System.getProperty(key))))
 *         .build();
 * }</pre>
 *
 * <p>Actions are written at once, in the transaction active on the entity manager actrack uses (see
 * {@link EntityManagerSource}), or in a transaction of their own; with a {@link QueueBinding} they
 * gather in queues that combine and group them (the CDI integration binds one per transaction and
 * per request).
 */
public final class Actrack {

    private static final ActionHandler DEFAULT_HANDLER = new ActionHandler() {};

    private Actrack() {}

    /** A builder with the default settings and the system UTC clock. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ActionLog}. Not thread-safe; the log it builds is. */
    public static final class Builder {
        private EntityManagerFactory defaultFactory;
        private final Map<String, EntityManagerFactory> namedFactories = new HashMap<>();
        private EntityManagerSource source;
        private ActrackSettings settings = ActrackSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Function<String, ActionHandler> handlers = verb -> DEFAULT_HANDLER;
        private Set<String> handlerVerbs = Set.of();
        private QueueBinding queues = () -> null;
        private final CustomStreams.Collector streams = new CustomStreams.Collector();

        private Builder() {}

        /** The factory of the default persistence unit; each unit of work uses a fresh entity manager of it. */
        public Builder entityManagerFactory(EntityManagerFactory factory) {
            this.defaultFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The factory of a named persistence unit, for the {@code using} options. */
        public Builder entityManagerFactory(String persistenceUnit, EntityManagerFactory factory) {
            namedFactories.put(
                    Objects.requireNonNull(persistenceUnit, "persistenceUnit"),
                    Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /** Where entity managers come from, instead of factories; for example the caller's own entity manager. */
        public Builder entityManagerSource(EntityManagerSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The settings; by default {@link ActrackSettings#defaults()}. */
        public Builder settings(ActrackSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The clock that timestamps actions and trackers; by default the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The handler of each verb; by default every verb has the default {@link ActionHandler}. The
         * function must return a handler for every verb.
         */
        public Builder handlers(Function<String, ActionHandler> handlers) {
            this.handlers = Objects.requireNonNull(handlers, "handlers");
            return this;
        }

        /**
         * The verbs whose handlers may not be the default one: grouped reads ask these verbs' handlers for their
         * {@link ActionHandler#readGrouping()}, once; every other verb groups by the default rule. Empty by default.
         */
        public Builder handlerVerbs(Collection<String> verbs) {
            this.handlerVerbs = Set.copyOf(verbs);
            return this;
        }

        /**
         * A custom stream, read by its name through {@link org.actrack.Streams#named}.
         *
         * @throws IllegalArgumentException when the name is not {@value org.actrack.ActionStream#NAME_SYNTAX}, or another
         *         stream has it
         */
        public Builder stream(String name, ActionStream stream) {
            streams.add(name, Objects.requireNonNull(stream, "stream"));
            return this;
        }

        /** Where logged actions gather; by default nowhere: each is written at once. */
        public Builder queues(QueueBinding queues) {
            this.queues = Objects.requireNonNull(queues, "queues");
            return this;
        }

        /**
         * The log: what an application uses.
         *
         * @throws IllegalStateException when neither a factory nor a source was given
         */
        public ActionLog build() {
            return buildEngine();
        }

        /**
         * The log with what an integration needs besides (writing request queues, the commit hook).
         * <strong>Internal:</strong> for actrack-cdi; applications use {@link #build()}.
         *
         * @throws IllegalStateException when neither a factory nor a source was given
         */
        public ActrackEngine buildEngine() {
            EntityManagerSource entityManagers = source;
            if (entityManagers == null) {
                if (defaultFactory == null && namedFactories.isEmpty()) {
                    throw new IllegalStateException("Give an EntityManagerFactory or an EntityManagerSource");
                }
                entityManagers = new EntityManagerFactorySource(defaultFactory, namedFactories);
            }
            ProviderHooks provider = new ProviderHooks();
            UnitOfWork unitOfWork = new UnitOfWork(entityManagers, provider);
            JsonData json = new JsonData();
            EntityReferences references = new EntityReferences(settings);
            SqlDialect.Detection dialects = new SqlDialect.Detection();
            UnreadMarks unread =
                    new UnreadMarks(settings, dialects, provider, new PositionUnread(handlers, handlerVerbs));
            Deletions deletions = new Deletions(json, clock, unread);
            ReferenceResolver resolver = new ReferenceResolver(deletions::toApi, provider);
            ActionRequests requests = new ActionRequests(
                    settings,
                    references,
                    json,
                    clock,
                    handlers,
                    new RemovedObjects(provider, deletions, EngineActionLog::usesDeletedItems));
            CommitSignal signal = new CommitSignal(settings.notifyChannel(), dialects);
            QueueProcessor processor = new QueueProcessor(
                    handlers,
                    new ActionWriter(json, new IdBlocks(dialects, provider), provider, dialects),
                    json,
                    unread,
                    deletions,
                    signal,
                    settings.outbox() ? new OutboxEvents(settings.outboxSource(), clock, json, provider) : null);
            ActionSink sink = new ActionSink(queues, processor);
            unitOfWork.beforeOtherWork(sink::writePendingOfCurrent);
            Tracking tracking =
                    new Tracking(settings, unitOfWork, references, requests, sink, clock, unread, dialects, signal);
            ActionLoader loader = new ActionLoader(json, resolver, dialects, unitOfWork);
            PersonalRecords personalRecords = new PersonalRecords(
                    unitOfWork,
                    settings.persistenceUnit().orElse(null),
                    references,
                    deletions,
                    loader,
                    unread,
                    handlers,
                    json,
                    clock,
                    settings.erasedDescription());
            return new EngineActionLog(
                    settings,
                    unitOfWork,
                    references,
                    requests,
                    sink,
                    tracking,
                    loader,
                    resolver,
                    processor,
                    handlers,
                    unread,
                    clock,
                    deletions,
                    dialects,
                    streams.build(),
                    handlerVerbs,
                    personalRecords);
        }
    }
}
