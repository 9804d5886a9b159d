/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the outbox, as an {@link ActionExporter} receives it: the CloudEvent actrack wrote when the action was
 * stored (or updated by grouping), and the attributes an exporter routes by.
 *
 * @param id the CloudEvent's {@code id}: {@code actrack-action-<action id>} for a logged action, stable across
 *        deliveries
 * @param type {@code org.actrack.action.logged} or {@code org.actrack.action.updated}
 * @param subject the CloudEvent's {@code subject}, {@code Type#id} of the action's first target (else its actor): a
 *        broker's key, so that one subject's events stay in order
 * @param writtenAt when the event was written
 * @param attempt 1 for the first delivery, more when earlier ones failed
 * @param cloudEvent the whole CloudEvent 1.0 in the JSON event format ({@code application/cloudevents+json})
 */
public record ExportedEvent(String id, String type, String subject, Instant writtenAt, int attempt, String cloudEvent) {

    /**
     * Checks that every attribute is there.
     *
     * @param id the CloudEvent's {@code id}
     * @param type the CloudEvent's {@code type}
     * @param subject the CloudEvent's {@code subject}
     * @param writtenAt when the event was written
     * @param attempt the delivery's number, from 1
     * @param cloudEvent the whole CloudEvent in the JSON event format
     */
    public ExportedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(cloudEvent, "cloudEvent");
    }
}
