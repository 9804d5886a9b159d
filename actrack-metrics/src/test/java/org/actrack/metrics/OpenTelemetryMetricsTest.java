/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.metrics;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionManager;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.actrack.spi.ActrackMetrics;
import org.junit.jupiter.api.Test;

/**
 * actrack's instruments as an OpenTelemetry exporter collects them: OpenTelemetry's SDK with an in-memory reader, as the
 * application's {@link OpenTelemetry} bean (MicroProfile Telemetry's place), in real Weld with actrack-cdi.
 */
class OpenTelemetryMetricsTest extends CdiTest {

    /** The application's OpenTelemetry: the SDK, read by the test. */
    @ApplicationScoped
    public static class Telemetry {
        static InMemoryMetricReader reader;

        @Produces
        @ApplicationScoped
        OpenTelemetry openTelemetry() {
            reader = InMemoryMetricReader.create();
            return OpenTelemetrySdk.builder()
                    .setMeterProvider(SdkMeterProvider.builder()
                            .registerMetricReader(reader)
                            .build())
                    .build();
        }
    }

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {OpenTelemetryMetrics.class, Telemetry.class};
    }

    @Override
    protected Map<String, String> config() {
        return Map.of("actrack.outbox", "true");
    }

    @Test
    void onlyCommittedActionsCountAsStored() throws Exception {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        bean(ActrackMetrics.class);
        log.log(driver, "departed", targets(train));
        log.log(driver, "arrived", targets(train));
        TransactionManager transactions = bean(TransactionManager.class);
        transactions.begin();
        log.log(driver, "derailed", targets(train));
        transactions.rollback();

        assertThat(sum(collect(), "actrack.actions.stored")).isEqualTo(2);
    }

    @Test
    void unreadMarksCountOncePerReaderWhenTheirTransactionCommits() throws Exception {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        for (String name : new String[] {"ann", "bob", "cy"}) {
            log.track(persist(new Member(name)), train, actorOnly(false));
        }
        bean(ActrackMetrics.class);
        TransactionManager transactions = bean(TransactionManager.class);

        log.log(driver, "departed", targets(train));
        transactions.begin();
        log.log(driver, "derailed", targets(train));
        transactions.rollback();
        transactions.begin();
        log.log(driver, "stopped", targets(train));
        log.log(driver, "arrived", targets(train));
        transactions.commit();

        assertThat(sum(collect(), "actrack.unread.marks")).isEqualTo(9);
    }

    @Test
    void theOutboxGaugesReportFromTheStartBeforeAnythingIsLogged() {
        Collection<MetricData> metrics = collect();

        assertThat(metric(metrics, "actrack.outbox.pending").getLongGaugeData().getPoints())
                .singleElement()
                .satisfies(point -> assertThat(point.getValue()).isZero());
    }

    @Test
    void theOutboxBacklogAndItsLagAreReadFromTheDatabaseWhenCollected() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        bean(ActrackMetrics.class);
        ActionLog log = bean(ActionLog.class);
        log.log(driver, "departed", targets(train));
        log.log(driver, "arrived", targets(train));
        log.log(driver, "departed", targets(train));

        Collection<MetricData> metrics = collect();

        assertThat(metric(metrics, "actrack.outbox.pending").getLongGaugeData().getPoints())
                .singleElement()
                .satisfies(point -> assertThat(point.getValue()).isEqualTo(3));
        assertThat(metric(metrics, "actrack.outbox.lag").getDoubleGaugeData().getPoints())
                .singleElement()
                .satisfies(point -> assertThat(point.getValue()).isNotNegative());
    }

    @Test
    void liveFeedsAndExportsAreRecordedAsTheModulesReportThem() {
        ActrackMetrics recorder = bean(ActrackMetrics.class);
        recorder.liveFeedOpened();
        recorder.liveFeedOpened();
        recorder.liveFeedClosed();
        recorder.liveActionSent(Duration.ofMillis(250));
        recorder.liveActionSent(Duration.ofMillis(750));
        recorder.eventsExported(5);
        recorder.exportFailed(2);

        Collection<MetricData> metrics = collect();

        assertThat(metric(metrics, "actrack.live.feeds").getLongSumData().getPoints())
                .singleElement()
                .satisfies(point -> assertThat(point.getValue()).isEqualTo(1));
        HistogramPointData delivery = metric(metrics, "actrack.live.delivery")
                .getHistogramData()
                .getPoints()
                .iterator()
                .next();
        assertThat(delivery.getCount()).isEqualTo(2);
        assertThat(delivery.getSum()).isEqualTo(1.0);
        assertThat(sum(metrics, "actrack.outbox.exported")).isEqualTo(5);
        assertThat(sum(metrics, "actrack.outbox.export.failures")).isEqualTo(2);
    }

    private static Collection<MetricData> collect() {
        return Telemetry.reader.collectAllMetrics();
    }

    private static MetricData metric(Collection<MetricData> metrics, String name) {
        return metrics.stream()
                .filter(metric -> metric.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + metrics));
    }

    private static long sum(Collection<MetricData> metrics, String name) {
        return metric(metrics, name).getLongSumData().getPoints().stream()
                .mapToLong(point -> point.getValue())
                .sum();
    }
}
