/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.actrack.ActrackSettings;
import org.actrack.engine.write.OutboxRelay;
import org.actrack.spi.ActionExporter;
import org.actrack.spi.ActrackMetrics;
import org.actrack.spi.ExportedEvent;
import org.actrack.spi.Worker;

/**
 * Runs the outbox relay on this node ({@code actrack.outbox=true} and an {@link ActionExporter} bean): a round every
 * {@code actrack.outbox.interval} milliseconds on the server's default {@code ManagedScheduledExecutorService}
 * (Jakarta Concurrency), each step in a transaction of its own; a round that found a full batch is followed at once by
 * another. Without Jakarta Concurrency (Weld SE) it does not tick, and says so once.
 */
@ApplicationScoped
class OutboxRelayWorker implements Worker {

    private static final System.Logger LOGGER = System.getLogger(OutboxRelayWorker.class.getName());
    private static final String SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    CdiActionLog log;

    @Inject
    TransactionalWork transactions;

    @Inject
    ActrackConfiguration configuration;

    @Inject
    @Any
    Instance<ActionExporter> exporters;

    @Inject
    Instance<ActrackMetrics> metrics;

    /** This node's name in the outbox's claims. */
    private final String node = "actrack-" + UUID.randomUUID();

    private ScheduledFuture<?> ticking;
    /** Why the relay does not run although the configuration asks for it, or {@code null}. */
    private volatile String notRunning;
    /** When the round running now started, {@code null} between rounds. */
    private volatile Instant busySince;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ActrackSettings settings = configuration.settings();
        if (!settings.outbox() || !exporters.isResolvable()) {
            return;
        }
        // A ManagedScheduledExecutorService, used as the ScheduledExecutorService it is: no compile dependency.
        ScheduledExecutorService scheduler;
        try {
            scheduler = (ScheduledExecutorService) new InitialContext().lookup(SCHEDULER);
        } catch (NamingException | RuntimeException none) {
            notRunning = "no Jakarta Concurrency scheduler at " + SCHEDULER;
            LOGGER.log(
                    System.Logger.Level.INFO,
                    "actrack''s outbox relay does not run: no Jakarta Concurrency scheduler at {0} ({1})",
                    SCHEDULER,
                    String.valueOf(none));
            return;
        }
        ticking = scheduler.scheduleWithFixedDelay(
                this::tick, settings.outboxInterval(), settings.outboxInterval(), TimeUnit.MILLISECONDS);
        LOGGER.log(
                System.Logger.Level.INFO,
                "actrack''s outbox relay runs every {0} ms as {1}",
                settings.outboxInterval(),
                node);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void tick() {
        busySince = configuration.clock().instant();
        try {
            relayNow();
        } catch (RuntimeException failure) {
            LOGGER.log(System.Logger.Level.WARNING, "actrack's outbox relay failed a round; it tries again", failure);
        } finally {
            busySince = null;
        }
    }

    @Override
    public String name() {
        return "outbox-relay";
    }

    /**
     * Expected with {@code actrack.outbox=true} and an {@link ActionExporter} bean; running while scheduled; stuck when a
     * round takes longer than a claim lasts ({@link OutboxRelay#CLAIM}: other nodes may then take its events).
     */
    @Override
    public Worker.State state() {
        boolean expected = configuration.settings().outbox() && exporters.isResolvable();
        ScheduledFuture<?> scheduled = ticking;
        boolean running = scheduled != null && !scheduled.isDone();
        return new Worker.State(expected, running, busySince, OutboxRelay.CLAIM, running ? null : notRunning);
    }

    /**
     * Rounds until one finds less than a full batch due.
     *
     * @return the events delivered
     */
    int relayNow() {
        OutboxRelay relay = log.engine().outboxRelay();
        ActionExporter exporter = exporters.get();
        int batch = configuration.settings().outboxBatch();
        int delivered = 0;
        while (true) {
            OutboxRelay.Round round = relay.relayOnce(node, exporter, transactions::requiresNew);
            delivered += round.delivered().size();
            ActrackMetrics recorder = metrics.isResolvable() ? metrics.get() : ActrackMetrics.NONE;
            if (!round.delivered().isEmpty()) {
                recorder.eventsExported(round.delivered().size());
            }
            if (round.failure() != null) {
                recorder.exportFailed(round.failed().size());
            }
            if (round.failure() != null) {
                LOGGER.log(
                        System.Logger.Level.WARNING,
                        "actrack's outbox relay could not export "
                                + round.failed().size() + " events (first "
                                + round.failed().get(0).id() + "); they come again later",
                        round.failure());
            }
            for (ExportedEvent dead : round.dead()) {
                LOGGER.log(
                        System.Logger.Level.ERROR,
                        CdiProblem.OUTBOX_EVENT_DEAD.message(dead.id(), dead.attempt(), dead.subject()));
            }
            if (round.delivered().size() < batch) {
                return delivered;
            }
        }
    }
}
