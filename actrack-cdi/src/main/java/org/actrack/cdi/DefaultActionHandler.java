/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import org.actrack.ActionHandler;

/**
 * The handler of verbs that have none of their own. An application replaces it with an
 * {@code @Alternative @Priority(…)} bean implementing {@link ActionHandler} without a {@code @Verb}.
 */
@ApplicationScoped
class DefaultActionHandler implements ActionHandler {}
