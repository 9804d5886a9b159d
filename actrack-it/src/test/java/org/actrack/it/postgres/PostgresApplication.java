/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.postgres;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The data source of the PostgreSQL scenario, and the JAX-RS application that drives it. */
@ApplicationPath("api")
@DataSourceDefinition(
        name = "java:app/jdbc/actrackPostgres",
        className = "org.postgresql.xa.PGXADataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/test",
        user = "postgres",
        password = "")
public class PostgresApplication extends Application {}
