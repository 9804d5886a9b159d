/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.actrack.it.postgres.PostgresApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application on this machine's PostgreSQL instead of the embedded H2: a data source defined by the
 * WAR, JTA through the server (Payara Micro, or WildFly with {@code -Pwildfly}), actions committed and rolled
 * back with the business work. Runs with {@code -Dactrack.test.db=postgresql}, as CI does.
 */
@EnabledIfSystemProperty(named = "actrack.test.db", matches = "postgresql")
@ExtendWith(ArquillianExtension.class)
class PostgresIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.base("actrack-postgres")
                .addPackage(PostgresApplication.class.getPackage())
                .addAsResource("it-postgres-persistence.xml", "META-INF/persistence.xml")
                .addAsWebInfResource(Wars.postgresDataSource(), "web.xml")
                .addAsLibraries(Wars.jar("actrack.test-lib", "postgresql"));
    }

    @ArquillianResource
    URL base;

    @Test
    @RunAsClient
    void actionsCommitAndRollBackWithTheBusinessWorkOnPostgres() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "api/scenario"))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("actions=1 feed=1 unread=1 rolledBack=true");
    }
}
