/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.ApplicationScoped;

/** {@link ObjectPresentation}'s defaults: {@code toString()} names, actrack's own addresses. */
@ApplicationScoped
public class DefaultObjectPresentation implements ObjectPresentation {}
