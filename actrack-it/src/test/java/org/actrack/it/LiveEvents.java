/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A live feed read as a browser's {@code EventSource} reads it: lines parsed into events (comments kept apart),
 * on a thread of its own, until {@link #close()} cuts the connection.
 */
final class LiveEvents implements AutoCloseable {

    /** One server-sent event, and when it was read ({@link System#nanoTime()}). */
    record Event(String id, String name, String data, long arrival) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final HttpResponse<InputStream> response;
    private final Thread reader;
    private volatile long lastArrival;

    private LiveEvents(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "live-events");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
        }
    }

    /** Opens the feed; check {@link #status()} before reading. */
    static LiveEvents open(HttpClient http, HttpRequest request) throws Exception {
        return new LiveEvents(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    int status() {
        return response.statusCode();
    }

    String body() throws IOException {
        return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The next event, or an error when none comes in time. */
    Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + timeout);
        }
        lastArrival = event.arrival();
        return event;
    }

    /** When the last event returned by {@link #next} arrived ({@link System#nanoTime()}). */
    long lastArrival() {
        return lastArrival;
    }

    /** The next event of a name, skipping others. */
    Event next(String name, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Every event received in a while. */
    List<Event> during(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
        List<Event> received = new ArrayList<>();
        events.drainTo(received);
        return received;
    }

    /** The next comment line (without its colon), or an error when none comes in time. */
    String nextComment(Duration timeout) throws InterruptedException {
        String comment = comments.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (comment == null) {
            throw new AssertionError("No comment within " + timeout);
        }
        return comment;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        reader.interrupt();
    }

    private void read() {
        String id = null;
        String name = "message";
        StringBuilder data = new StringBuilder();
        try (InputStream in = response.body()) {
            ByteCollector bytes = new ByteCollector();
            int b;
            while ((b = in.read()) != -1) {
                if (b != '\n') {
                    bytes.add(b);
                    continue;
                }
                String text = bytes.text();
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    if (data.length() > 0 || id != null) {
                        events.add(new Event(id, name, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (text.startsWith(":")) {
                    comments.add(text.substring(1).strip());
                } else {
                    int colon = text.indexOf(':');
                    String field = colon < 0 ? text : text.substring(0, colon);
                    String value = colon < 0 ? "" : text.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" ->
                            data.append(data.length() > 0 ? "\n" : "").append(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException closed) {
            // The test cut the connection.
        }
    }

    /** The bytes of one line, decoded as UTF-8 once complete. */
    private static final class ByteCollector {
        private byte[] bytes = new byte[256];
        private int length;

        void add(int b) {
            if (length == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, length * 2);
            }
            bytes[length++] = (byte) b;
        }

        String text() {
            String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
            length = 0;
            return text;
        }
    }
}
