/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.actrack.it.rest.CallerIdentityStore;

/** The HTTP side of the REST tests: requests as alice, bob or carol (HTTP Basic), over HTTP/1.1. */
final class RestClient {

    private final URL base;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RestClient(URL base) {
        this.base = base;
    }

    HttpRequest get(String path, String caller, String accept) {
        return request(path, caller).header("Accept", accept).build();
    }

    /** A state change, as a script of the application's page sends it (actrack-rest refuses it otherwise). */
    HttpRequest post(String path, String caller) {
        return request(path, caller)
                .header("Accept", "application/json")
                .header("X-Requested-With", "test")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    HttpRequest put(String path, String caller) {
        return request(path, caller)
                .header("Accept", "application/json")
                .header("X-Requested-With", "test")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    HttpRequest delete(String path, String caller) {
        return request(path, caller)
                .header("Accept", "application/json")
                .header("X-Requested-With", "test")
                .DELETE()
                .build();
    }

    /** A request to a path of the WAR, with the caller's credentials when a caller is given. */
    HttpRequest.Builder request(String path, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path));
        if (caller != null) {
            request.header("Authorization", basic(caller));
        }
        return request;
    }

    /** The fixture: created by the first call, the same afterwards. */
    void fixture() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(url("api/fixture"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (created.statusCode() != 204) {
            throw new IllegalStateException("The fixture answered " + created.statusCode() + ": " + created.body());
        }
    }

    /** Logs one more action of the driver about train 31. */
    void announce(String verb) throws Exception {
        HttpResponse<String> logged = send(HttpRequest.newBuilder(url("api/fixture/announce/" + verb))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (logged.statusCode() != 204) {
            throw new IllegalStateException("The announcement answered " + logged.statusCode() + ": " + logged.body());
        }
    }

    /** Logs one more action of the driver about train 31, stamped at the given instant, as a late commit appears. */
    void announceAt(String verb, java.time.Instant at) throws Exception {
        HttpResponse<String> logged = send(HttpRequest.newBuilder(url("api/fixture/announce-at/" + verb + "?at=" + at))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (logged.statusCode() != 204) {
            throw new IllegalStateException("The announcement answered " + logged.statusCode() + ": " + logged.body());
        }
    }

    URI url(String path) {
        return URI.create(base.toString()).resolve(path);
    }

    static String basic(String caller) {
        String pair = caller + ":"
                + CallerIdentityStore.PASSWORDS.getOrDefault(caller, CallerIdentityStore.readerPassword(caller));
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a request; an answer that does not end within a minute (a live feed opened by mistake) fails the test. */
    HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            if (failed.getCause() instanceof java.io.IOException io) {
                throw io;
            }
            throw failed;
        }
    }

    /** The JSON object a request answers with, after checking its status. */
    JsonObject object(HttpRequest request, int status) throws Exception {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != status) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ", not " + status + ": " + response.body());
        }
        return json(response).asJsonObject();
    }

    static JsonStructure json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonStructure json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }
}
