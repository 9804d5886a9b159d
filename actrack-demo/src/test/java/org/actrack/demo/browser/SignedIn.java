/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo.browser;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.actrack.demo.DemoLogin;

/** A demo user signed in over plain HTTP (the sign-in form, then the session cookie), as a second user beside the browser. */
final class SignedIn {

    private final URI base;
    private final HttpClient http;
    private final String sessionCookie;

    private SignedIn(URI base, HttpClient http, String sessionCookie) {
        this.base = base;
        this.http = http;
        this.sessionCookie = sessionCookie;
    }

    /** The {@code Set-Cookie} header that gave the session its cookie. */
    String sessionCookie() {
        return sessionCookie;
    }

    /** Asks for the page, is sent to the sign-in form, and posts it. */
    static SignedIn as(URL page, String user) throws Exception {
        URI base = page.toURI();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        HttpResponse<Void> first = http.send(
                HttpRequest.newBuilder(base.resolve("index.html")).build(), HttpResponse.BodyHandlers.discarding());
        String cookie = first
                .previousResponse()
                .map(redirect -> redirect.headers())
                .orElse(first.headers())
                .allValues("Set-Cookie")
                .stream()
                .findFirst()
                .orElseGet(() -> first.headers().firstValue("Set-Cookie").orElse(""));
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(DemoLogin.PASSWORDS.get(user), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(base.resolve("j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.uri().getPath().endsWith("login.html")) {
            throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode());
        }
        return new SignedIn(
                base,
                http,
                cookie.isEmpty() ? signedIn.headers().firstValue("Set-Cookie").orElse("") : cookie);
    }

    /**
     * The status of a request.
     *
     * @param headers more headers, names and values alternating
     */
    int status(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    String body(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
