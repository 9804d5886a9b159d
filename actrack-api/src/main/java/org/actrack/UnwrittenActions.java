/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;
import java.util.Objects;

/**
 * The CDI event actrack fires when it could not write the actions a request queued (actions logged
 * outside a transaction during a request are written when the request ends, in a transaction of their
 * own). Before giving up, actrack retries a write that failed because of concurrent transactions
 * ({@link ActrackException#isRetryable()}) a few times; when the write still fails, nothing of it is
 * stored, the actions are logged at ERROR with their content ({@link ErrorCode#REQUEST_QUEUE_UNWRITTEN}),
 * and this event hands them to the application, which may store them elsewhere or log them again later:
 *
 * <pre>{@code
 * void keep(@Observes UnwrittenActions unwritten) {
 *     unwritten.actions().forEach(action -> deadLetters.save(action));
 * }
 * }</pre>
 *
 * Observers run synchronously at the end of the request, outside any transaction; an observer that throws
 * is logged and ignored.
 *
 * @param actions the actions that were not written, in logging order, as handlers see them
 * @param failure why the last attempt failed
 */
public record UnwrittenActions(List<LoggedAction> actions, Throwable failure) {

    /**
     * Copies the actions and checks that the failure is given.
     *
     * @param actions the actions that were not written, in logging order, as handlers see them
     * @param failure why the last attempt failed
     */
    public UnwrittenActions {
        actions = List.copyOf(actions);
        Objects.requireNonNull(failure, "failure");
    }
}
