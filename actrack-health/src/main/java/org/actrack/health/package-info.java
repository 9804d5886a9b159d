/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * actrack's MicroProfile Health checks: {@link org.actrack.health.ActrackReadiness} (the database, the outbox's
 * backlog) and {@link org.actrack.health.ActrackLiveness} (the outbox relay, the live feeds). Add the jar to a WAR beside
 * actrack-cdi on a server with MicroProfile Health; the server discovers the checks as beans.
 */
package org.actrack.health;
