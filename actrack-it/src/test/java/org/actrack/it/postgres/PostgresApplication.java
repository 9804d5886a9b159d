/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.postgres;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application that drives the PostgreSQL scenario (its data source: {@code Wars.postgresDataSource}). */
@ApplicationPath("api")
public class PostgresApplication extends Application {}
