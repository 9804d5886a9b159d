/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import javax.sql.DataSource;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;

/**
 * The data source of an EclipseLink persistence unit (see {@link ProviderHooks}), for actrack's native reads outside a
 * transaction. EclipseLink lends its JDBC connection only in a transaction ({@code unwrap(Connection.class)} is
 * {@code null} otherwise), and running a native query through it cost as much in the JVM as the statement took in
 * the database; where the unit reads from a {@link DataSource} (a server's, or one given to the factory) actrack
 * borrows a connection from it for the statement.
 */
public final class EclipseLinkDataSource {

    private EclipseLinkDataSource() {}

    /** The unit's data source, or {@code null} when EclipseLink connects by driver or has not connected yet. */
    public static DataSource of(Object unwrappedSession) {
        if (unwrappedSession instanceof DatabaseSession session
                && session.getDatasourceLogin() instanceof DatasourceLogin login) {
            Connector connector = login.getConnector();
            if (connector instanceof JNDIConnector jndi) {
                return jndi.getDataSource();
            }
        }
        return null;
    }
}
