package org.actrack.demo;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The demo's data source, configured through MicroProfile Config (Payara resolves {@code ${MPCONFIG=…}}):
 * an in-memory H2 by default, PostgreSQL with the system properties given in microprofile-config.properties.
 */
@ApplicationScoped
@DataSourceDefinition(name = "java:app/jdbc/demo", className = "${MPCONFIG=demo.db.class}", url = "${MPCONFIG=demo.db.url}",
        user = "${MPCONFIG=demo.db.user}", password = "${MPCONFIG=demo.db.password}")
public class DemoDataSource {
}
