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

    private SignedIn(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** Asks for the page, is sent to the sign-in form, and posts it. */
    static SignedIn as(URL page, String user) throws Exception {
        URI base = page.toURI();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).build();
        http.send(HttpRequest.newBuilder(base.resolve("index.html")).build(), HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(DemoLogin.PASSWORDS.get(user), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.uri().getPath().endsWith("login.html")) {
            throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode());
        }
        return new SignedIn(base, http);
    }

    int status(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String body(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
