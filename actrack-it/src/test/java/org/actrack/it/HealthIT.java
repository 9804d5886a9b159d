/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * actrack-health in a WAR, read where each server reports MicroProfile Health: Payara Micro at {@code /health} of its
 * HTTP port, WildFly at {@code /health} of its management port (with the microprofile-health-smallrye subsystem that
 * wildfly/configure-server.cli adds). Both find actrack's checks among the application's beans.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Wars.application("actrack-health-it").addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-health"));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theServerReportsActracksReadinessAndLiveness() throws Exception {
        JsonObject ready = health("ready");
        JsonObject live = health("live");

        assertThat(check(ready, "actrack-storage").getString("status"))
                .as(ready.toString())
                .isEqualTo("UP");
        assertThat(check(ready, "actrack-storage").getJsonObject("data").getString("database"))
                .isEqualTo("reachable");
        assertThat(check(live, "actrack-workers").getString("status"))
                .as(live.toString())
                .isEqualTo("UP");
        assertThat(check(live, "actrack-workers").getJsonObject("data").getString("outbox-relay"))
                .isEqualTo("not used");
    }

    private JsonObject health(String kind) throws Exception {
        URI uri = "wildfly".equals(System.getProperty("arquillian.launch"))
                ? URI.create("http://127.0.0.1:" + System.getProperty("wildfly.management.port", "10090") + "/health/"
                        + kind)
                : new URI(base.getProtocol(), null, base.getHost(), base.getPort(), "/health/" + kind, null, null);
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(uri + ": " + response.body()).isEqualTo(200);
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject check(JsonObject report, String name) {
        return report.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }
}
