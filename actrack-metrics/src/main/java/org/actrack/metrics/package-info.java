/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * actrack's metrics on OpenTelemetry: {@link org.actrack.metrics.OpenTelemetryMetrics}, the
 * {@link org.actrack.spi.ActrackMetrics} bean that actrack-cdi's outbox relay and actrack-rest's live feeds report to.
 */
package org.actrack.metrics;
