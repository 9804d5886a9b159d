/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.time.Instant;

/**
 * A position in the newest-first order (timestamp, id): the last action of a page. Cursors carry it signed
 * ({@link CursorSigner}).
 */
public record Keyset(Instant timestamp, long id) {}
