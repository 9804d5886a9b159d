/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * An action that was written (or that another action was grouped into), as the CDI integration
 * announces it with an event once the transaction that wrote it has committed:
 *
 * <pre>{@code
 * void onStored(@Observes ActionStored stored) { … }   // runs after commit, never for rolled-back work
 * }</pre>
 *
 * @param id the stored action's id
 * @param action the action as stored
 */
public record ActionStored(long id, LoggedAction action) {}
