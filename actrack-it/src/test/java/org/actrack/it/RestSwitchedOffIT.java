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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.actrack.it.rest.CallerIdentityStore;
import org.actrack.it.rest.RestFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** With {@code actrack.rest.enabled=false} the jar may stay in the WAR: its resources answer 404, also to a signed-in caller. */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestSwitchedOffIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.application("actrack-rest-off", "actrack.user-type=Member", "actrack.rest.enabled=false")
                .addPackage(RestFixture.class.getPackage())
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    URL base;

    @Test
    void theFeedIsNotServed() throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString(
                        ("alice:" + CallerIdentityStore.PASSWORDS.get("alice")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString()).resolve("activity/feed"))
                                .header("Authorization", "Basic " + credentials)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
