/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.util.List;

/**
 * Delivers the outbox's events ({@code actrack.outbox=true}) somewhere else: a message broker, a search index, a
 * notification service. With actrack-cdi, a bean of this type is found and fed by the outbox relay, which claims
 * events in batches, hands them here, and deletes them once this method returned:
 *
 * <pre>{@code
 * @ApplicationScoped
 * class SearchIndexExporter implements ActionExporter {
 *     public void export(List<ExportedEvent> events) throws Exception {
 *         for (ExportedEvent event : events) {
 *             index.put(event.id(), event.cloudEvent());   // idempotent: an event may come again
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Delivery is at least once: an event is handed over again when this method throws, when the node dies before
 * deleting it, or when the claim ran out before it returned, so an exporter must take an event twice without harm
 * (its {@link ExportedEvent#id()} is stable). Events of one {@linkplain ExportedEvent#subject() subject} come in the
 * order they were written, one batch at a time; an event that keeps failing is retried with a growing delay, and after
 * the last attempt ({@code actrack.outbox.max-attempts}) is left aside as dead, in the table, for an operator.
 */
@FunctionalInterface
public interface ActionExporter {

    /**
     * Delivers events; returns once every one of them is delivered.
     *
     * @param events at most {@code actrack.outbox.batch} events, at most one per subject, oldest first
     * @throws Exception when they could not all be delivered: all of them are retried later
     */
    void export(List<ExportedEvent> events) throws Exception;
}
