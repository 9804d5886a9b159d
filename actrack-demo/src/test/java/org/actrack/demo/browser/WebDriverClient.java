/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.demo.browser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A small W3C WebDriver client for the installed headless Chromium: starts {@code chromedriver} on a free
 * loopback port and speaks the protocol's JSON over HTTP. Nothing is downloaded at run time.
 */
final class WebDriverClient implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String session;
    private final Path profile;

    private WebDriverClient(Process driver, String base, Path profile) throws IOException, InterruptedException {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        waitForDriver();
        String options = Json.createObjectBuilder()
                .add(
                        "capabilities",
                        Json.createObjectBuilder()
                                .add(
                                        "alwaysMatch",
                                        Json.createObjectBuilder()
                                                .add("browserName", "chrome")
                                                .add(
                                                        "goog:chromeOptions",
                                                        Json.createObjectBuilder()
                                                                .add("binary", CHROMIUM.toString())
                                                                .add(
                                                                        "args",
                                                                        Json.createArrayBuilder()
                                                                                .add("--headless")
                                                                                .add("--no-sandbox")
                                                                                .add("--disable-gpu")
                                                                                .add("--disable-dev-shm-usage")
                                                                                .add("--disable-quic")
                                                                                .add("--no-first-run")
                                                                                .add("--disable-background-networking")
                                                                                .add("--disable-component-update")
                                                                                .add("--disable-sync")
                                                                                .add("--user-data-dir=" + profile)))))
                .build()
                .toString();
        session = call("POST", "/session", options).getJsonObject("value").getString("sessionId");
    }

    private final String base;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static WebDriverClient start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new WebDriverClient(process, "http://127.0.0.1:" + port, Files.createTempDirectory("actrack-chromium"));
    }

    void open(String url) throws IOException, InterruptedException {
        call(
                "POST",
                "/session/" + session + "/url",
                Json.createObjectBuilder().add("url", url).build().toString());
    }

    /** Runs a script in the page and returns its result. */
    JsonValue script(String script) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder()
                .add("script", script)
                .add("args", Json.createArrayBuilder())
                .build()
                .toString();
        return call("POST", "/session/" + session + "/execute/sync", body).get("value");
    }

    /**
     * Clicks the element, found and clicked in one step inside the page: the page re-renders on its own, so
     * an element found in one protocol call may be gone by the next.
     */
    void click(String cssSelector) throws IOException, InterruptedException {
        String selector = Json.createValue(cssSelector).toString();
        waitFor(
                "const e = document.querySelector(" + selector + "); if (e) { e.click(); return true; } return false;",
                JsonValue.TRUE::equals,
                "something to click at " + cssSelector);
    }

    /** Waits until the script's result satisfies the condition; returns it. */
    JsonValue waitFor(String script, Predicate<JsonValue> condition, String what)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonValue last = null;
        while (Instant.now().isBefore(deadline)) {
            last = script(script);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what + "; last seen: " + last);
    }

    private JsonObject call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request = method.equals("POST")
                ? request.POST(HttpRequest.BodyPublishers.ofString(body))
                : request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed: " + response.body());
        }
        return json;
    }

    private void waitForDriver() throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("chromedriver did not start on " + base);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, "");
            }
        } finally {
            driver.destroy();
            driver.waitFor();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
