/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

@ApplicationScoped
public class ActrackSchema {

    @Resource(lookup = "java:app/jdbc/app")          // the data source of the unit actrack writes to
    DataSource dataSource;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/actrack/postgresql")
                .table("actrack_schema_history")
                .baselineOnMigrate(true)                 // your tables may be there already:
                .baselineVersion("0")                    // actrack's still start at version 1
                .load()
                .migrate();
    }
}
// spotless:on
