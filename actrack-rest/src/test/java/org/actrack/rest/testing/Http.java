/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP client of the test server, signed in as one name (HTTP Basic) or not at all; requests are written as
 * {@code "GET activity/feed"} relative to the server's base. Raw requests go over a socket, for headers no client
 * library would send.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final String authorization;

    private Http(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A client signed in as {@code name}. */
    public static Http as(RestServer server, String name) {
        return new Http(
                server.base(),
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((name + ":" + TestSignIn.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that is not signed in. */
    public static Http anonymous(RestServer server) {
        return new Http(server.base(), null);
    }

    /**
     * Opens the caller's live feed ({@code activity/feed/events}).
     *
     * @param headers more header lines ({@code "Last-Event-ID: …"})
     */
    public LiveEvents live(String... headers) {
        return LiveEvents.open(uri("activity/feed/events"), authorization, headers);
    }

    /** The server's address of a path. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Answer post(String path, String... headers) {
        return send("POST", path, null, headers);
    }

    public Answer put(String path, String... headers) {
        return send("PUT", path, null, headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * Sends a request.
     *
     * @param headers names and values, alternating
     */
    public Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request exactly as written (the request line and headers, CRLF added, with this client's credentials and
     * {@code Connection: close}) over a socket, and reads the whole answer.
     */
    public Answer raw(String requestLine, String... headerLines) {
        StringBuilder text = new StringBuilder(requestLine)
                .append("\r\nHost: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\nConnection: close\r\n");
        if (authorization != null) {
            text.append("Authorization: ").append(authorization).append("\r\n");
        }
        for (String header : headerLines) {
            text.append(header).append("\r\n");
        }
        text.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                read.write(buffer, 0, n);
                String sofar = read.toString(StandardCharsets.ISO_8859_1);
                if (sofar.contains("\r\n\r\n")
                        && sofar.substring(0, sofar.indexOf("\r\n\r\n"))
                                .toLowerCase(java.util.Locale.ROOT)
                                .contains("content-type: text/event-stream")) {
                    // A live feed that opened: its head is the answer; the stream would go on forever.
                    break;
                }
            }
            return Answer.parse(read.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An answer: its status, headers (names in lower case) and body. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Answer {
            TreeMap<String, List<String>> lower = new TreeMap<>();
            headers.forEach((name, values) -> lower.computeIfAbsent(
                            name.toLowerCase(java.util.Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values));
            headers = lower;
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON object (" + status + "): " + body, e);
            }
        }

        /** The problem document's code ({@code ACTRACK-9nn}); fails when the answer is no problem document. */
        public String problemCode() {
            if (!contentType().startsWith("application/problem+json")) {
                throw new AssertionError("Not a problem document (" + status + ", " + contentType() + "): " + body);
            }
            return json().getString("code", "");
        }

        static Answer parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip(), n -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
            }
            if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
                body = unchunked(body);
            }
            return new Answer(status, headers, body);
        }

        private static String unchunked(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(
                        chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
