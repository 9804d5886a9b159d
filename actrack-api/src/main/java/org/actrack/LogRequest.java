/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;

/**
 * Logs an action by firing a CDI event, the counterpart of django-activity-stream's {@code action.send}:
 *
 * <pre>{@code
 * @Inject Event<LogRequest> actions;
 * actions.fire(LogRequest.of(driver, "departed", targets(train)));
 * }</pre>
 *
 * The action is logged synchronously, in the firing thread's transaction, exactly as
 * {@link ActionLog#log} would; an invalid request makes {@code fire} throw.
 *
 * @param actor the actor, or {@code null}
 * @param verb the verb
 * @param options the options
 */
public record LogRequest(Object actor, String verb, List<LogOption> options) {

    /**
     * Copies the options into an unmodifiable list.
     *
     * @param actor the actor, or {@code null}
     * @param verb the verb
     * @param options the options
     */
    public LogRequest {
        options = List.copyOf(options);
    }

    /**
     * A request to log {@code verb} by {@code actor} with these options.
     *
     * @param actor the actor
     * @param verb the verb
     * @param options options made by {@link Options}
     * @return the request
     */
    public static LogRequest of(Object actor, String verb, LogOption... options) {
        return new LogRequest(actor, verb, List.of(options));
    }
}
