/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.Objects;

/**
 * Raised when actrack is given something it cannot use (an object that is not an entity, a blank
 * verb, an id that is too long, an unknown level…), is misconfigured, or when the database refuses its
 * work because of concurrent transactions. Every message starts with the stable code of the problem, for
 * example {@code ACTRACK-103}, that stays the same across versions and can be searched for; {@link #code()}
 * gives it as an {@link ErrorCode}.
 *
 * <p>Bad input is refused before anything is written and leaves the caller's transaction usable. A
 * {@linkplain #isRetryable() retryable} exception means the transaction must be run again.
 */
public class ActrackException extends RuntimeException {

    private static final long serialVersionUID = 2L;

    /** The problem's stable code. */
    private final ErrorCode code;

    /**
     * @param code the problem
     * @param message what went wrong, naming the object, the value and the limit
     */
    public ActrackException(ErrorCode code, String message) {
        super(Objects.requireNonNull(code, "code").text() + ": " + message);
        this.code = code;
    }

    /**
     * @param code the problem
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ActrackException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(code, "code").text() + ": " + message, cause);
        this.code = code;
    }

    /**
     * The problem, with its stable number, for example {@link ErrorCode#NOT_AN_ENTITY} ({@code ACTRACK-103}).
     *
     * @return the problem, with its stable number, for example {@link ErrorCode#NOT_AN_ENTITY} ({@code ACTRACK-103})
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Whether the transaction may succeed when run again: the database refused the work because of
     * concurrent transactions ({@link ErrorCode#isRetryable()}).
     *
     * @return whether the transaction may succeed when run again: the database refused the work because of concurrent transactions ({@link ErrorCode#isRetryable()})
     */
    public boolean isRetryable() {
        return code.isRetryable();
    }
}
