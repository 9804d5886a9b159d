/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import java.time.Instant;

/**
 * A position in the newest-first order (timestamp, id): the last action of a page. Cursors carry it signed
 * ({@link CursorSigner}).
 */
record Keyset(Instant timestamp, long id) {}
