/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.metrics;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.actrack.ActionStored;
import org.actrack.spi.ActrackMetrics;
import org.actrack.spi.Integration;
import org.actrack.spi.StorageState;

/**
 * actrack's metrics as OpenTelemetry instruments of the meter {@value #SCOPE}, on the application's
 * {@link OpenTelemetry} bean (MicroProfile Telemetry 2 provides one) or, without one, {@link GlobalOpenTelemetry}
 * (which does nothing until an application or agent registers an SDK):
 *
 * <table>
 * <caption>Instruments</caption>
 * <tr><th>name</th><th>kind</th><th>unit</th><th>what</th></tr>
 * <tr><td>{@code actrack.actions.stored}</td><td>counter</td><td>{action}</td><td>actions committed (each
 * {@link ActionStored} event; rolled-back ones never count)</td></tr>
 * <tr><td>{@code actrack.unread.marks}</td><td>counter</td><td>{mark}</td><td>unread marks committed: one per user an
 * action became unread for</td></tr>
 * <tr><td>{@code actrack.live.feeds}</td><td>up-down counter</td><td>{feed}</td><td>live feeds open on this
 * node</td></tr>
 * <tr><td>{@code actrack.live.delivery}</td><td>histogram</td><td>s</td><td>from an action's timestamp to its event
 * going out on a live feed</td></tr>
 * <tr><td>{@code actrack.outbox.exported}</td><td>counter</td><td>{event}</td><td>events the outbox relay
 * delivered</td></tr>
 * <tr><td>{@code actrack.outbox.export.failures}</td><td>counter</td><td>{event}</td><td>events of the exporter's
 * failed calls (tried again later, or dead)</td></tr>
 * <tr><td>{@code actrack.outbox.pending}</td><td>gauge</td><td>{event}</td><td>events waiting for delivery (with
 * {@code actrack.outbox=true}; counted up to {@value #PENDING_CAP})</td></tr>
 * <tr><td>{@code actrack.outbox.lag}</td><td>gauge</td><td>s</td><td>the age of the oldest waiting event, 0 when none
 * waits</td></tr>
 * </table>
 *
 * <p>The outbox gauges read the database when the metrics are collected (one capped count and one index walk, as
 * actrack-health's readiness does); a collection that finds the database unreachable records nothing.
 */
@ApplicationScoped
public class OpenTelemetryMetrics implements ActrackMetrics {

    /** The instrumentation scope of actrack's meter. */
    public static final String SCOPE = "org.actrack";

    /** The most waiting events one collection counts. */
    static final int PENDING_CAP = 1_000_000;

    @Inject
    Instance<OpenTelemetry> telemetry;

    @Inject
    Integration actrack;

    private final Clock clock = Clock.systemUTC();
    private LongCounter stored;
    private LongCounter unreadMarks;
    private LongUpDownCounter liveFeeds;
    private DoubleHistogram delivery;
    private LongCounter exported;
    private LongCounter exportFailures;
    private BatchCallback outbox;

    @PostConstruct
    void createInstruments() {
        OpenTelemetry openTelemetry = telemetry.isResolvable() ? telemetry.get() : GlobalOpenTelemetry.get();
        Meter meter = openTelemetry.getMeter(SCOPE);
        stored = meter.counterBuilder("actrack.actions.stored")
                .setDescription("Actions committed")
                .setUnit("{action}")
                .build();
        unreadMarks = meter.counterBuilder("actrack.unread.marks")
                .setDescription("Unread marks committed: one per user an action became unread for")
                .setUnit("{mark}")
                .build();
        liveFeeds = meter.upDownCounterBuilder("actrack.live.feeds")
                .setDescription("Live feeds open on this node")
                .setUnit("{feed}")
                .build();
        delivery = meter.histogramBuilder("actrack.live.delivery")
                .setDescription("From an action's timestamp to its event going out on a live feed")
                .setUnit("s")
                .build();
        exported = meter.counterBuilder("actrack.outbox.exported")
                .setDescription("Events the outbox relay delivered")
                .setUnit("{event}")
                .build();
        exportFailures = meter.counterBuilder("actrack.outbox.export.failures")
                .setDescription("Events of the outbox exporter's failed calls")
                .setUnit("{event}")
                .build();
        if (actrack.settings().outbox()) {
            ObservableLongMeasurement pending = meter.gaugeBuilder("actrack.outbox.pending")
                    .setDescription("Outbox events waiting for delivery")
                    .setUnit("{event}")
                    .ofLongs()
                    .buildObserver();
            ObservableDoubleMeasurement lag = meter.gaugeBuilder("actrack.outbox.lag")
                    .setDescription("The age of the oldest outbox event waiting for delivery")
                    .setUnit("s")
                    .buildObserver();
            outbox = meter.batchCallback(
                    () -> {
                        StorageState state = actrack.storageState(PENDING_CAP);
                        if (state.reachable()) {
                            pending.record(state.pendingEvents());
                            lag.record(state.oldestPending()
                                    .map(oldest -> Math.max(0, seconds(Duration.between(oldest, clock.instant()))))
                                    .orElse(0.0));
                        }
                    },
                    pending,
                    lag);
        }
    }

    /**
     * Creates the instruments when the application starts, so that the outbox gauges report before anything is logged,
     * and reads actrack's storage once there, in the application's naming context: collections run on the exporter's
     * own threads, where an entity manager the application declares only as a persistence context reference could not
     * be looked up for the first time.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (outbox != null) {
            actrack.storageState(1);
        }
    }

    @PreDestroy
    void stopObserving() {
        if (outbox != null) {
            outbox.close();
        }
    }

    /** Counts an action once its transaction committed. */
    void stored(@Observes ActionStored action) {
        stored.add(1);
    }

    @Override
    public void unreadMarksWritten(long marks) {
        unreadMarks.add(marks);
    }

    @Override
    public void liveFeedOpened() {
        liveFeeds.add(1);
    }

    @Override
    public void liveFeedClosed() {
        liveFeeds.add(-1);
    }

    @Override
    public void liveActionSent(Duration sinceLogged) {
        delivery.record(Math.max(0, seconds(sinceLogged)));
    }

    @Override
    public void eventsExported(int events) {
        exported.add(events);
    }

    @Override
    public void exportFailed(int events) {
        exportFailures.add(events);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
