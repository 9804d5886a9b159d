/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client of a live feed ({@code text/event-stream}) over a socket of its own, as a browser's {@code EventSource}
 * reads it: events arrive in a queue, with the time they were read. It can stop reading (a client that cannot keep
 * up) and close the connection abruptly (a client that left).
 */
public final class LiveEvents implements AutoCloseable {

    private final Socket socket;
    private final int status;
    private final String head;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch resumed = new CountDownLatch(1);
    private volatile boolean paused;
    private volatile boolean ended;
    private final Thread reader;

    private LiveEvents(Socket socket, int status, String head, InputStream body, boolean chunked) {
        this.socket = socket;
        this.status = status;
        this.head = head;
        this.reader = new Thread(() -> read(chunked ? new Dechunked(body) : body), "live-events-client");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens a live feed.
     *
     * @param authorization the {@code Authorization} header's value, or {@code null}
     * @param headers more header lines ({@code "Last-Event-ID: …"})
     */
    public static LiveEvents open(URI uri, String authorization, String... headers) {
        return open(uri, authorization, 0, headers);
    }

    /**
     * Opens a live feed whose socket buffers at most {@code receiveBuffer} bytes (0 for the system's default): a small
     * buffer lets a client that stops reading hold up the server's writes soon.
     */
    public static LiveEvents open(URI uri, String authorization, int receiveBuffer, String... headers) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
            socket.setSoTimeout(0);
            socket.setTcpNoDelay(true);
            StringBuilder request = new StringBuilder("GET ")
                    .append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost())
                    .append(':')
                    .append(uri.getPort())
                    .append("\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n");
            if (authorization != null) {
                request.append("Authorization: ").append(authorization).append("\r\n");
            }
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String head = readHead(in);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            return new LiveEvents(socket, status, head, in, chunked);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of the answer. */
    public int status() {
        return status;
    }

    /** The status line and headers of the answer. */
    public String head() {
        return head;
    }

    /** The next event (comments included), or {@code null} when none came within the time. */
    public Event next(Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event with a name (an action or an unread count), skipping comments; {@code null} when none came. */
    public Event nextNamed(Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null || event.name() != null) {
                return event;
            }
        }
    }

    /** The events received so far and not taken yet. */
    public List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    /** Whether the server ended the stream (or the connection failed). */
    public boolean ended() {
        return ended;
    }

    /** Waits until the server ends the stream; whether it did within the time. */
    public boolean awaitEnd(Duration within) throws InterruptedException {
        reader.join(within.toMillis());
        return ended;
    }

    /** Stops reading from the socket: the server's writes pile up in its buffers, then block. */
    public void pause() {
        paused = true;
    }

    /** Reads again after {@link #pause()}. */
    public void resume() {
        paused = false;
        resumed.countDown();
    }

    /** Closes the connection at once, as a browser tab that is closed. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }

    private void read(InputStream body) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            String id = null;
            String name = null;
            StringBuilder data = null;
            String comment = null;
            int c;
            while (true) {
                if (paused) {
                    resumed.await();
                }
                c = body.read();
                if (c < 0) {
                    break;
                }
                if (c != '\n') {
                    if (c != '\r') {
                        line.write(c);
                    }
                    continue;
                }
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (text.isEmpty()) {
                    if (name != null || data != null || comment != null || id != null) {
                        events.add(
                                new Event(id, name, data == null ? null : data.toString(), comment, System.nanoTime()));
                    }
                    id = null;
                    name = null;
                    data = null;
                    comment = null;
                } else if (text.startsWith(":")) {
                    comment = text.substring(1).strip();
                } else {
                    int colon = text.indexOf(':');
                    String field = colon < 0 ? text : text.substring(0, colon);
                    String value = colon < 0 ? "" : text.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" ->
                            data = data == null
                                    ? new StringBuilder(value)
                                    : data.append('\n').append(value);
                        default -> {}
                    }
                }
            }
        } catch (IOException | InterruptedException gone) {
            // The connection ended.
        } finally {
            ended = true;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * One event as the client parsed it.
     *
     * @param id its {@code id}, or {@code null}
     * @param name its {@code event} name, or {@code null} for a comment
     * @param data its data, or {@code null}
     * @param comment the comment's text, for a comment
     * @param receivedNanos when it was read ({@link System#nanoTime()})
     */
    public record Event(String id, String name, String data, String comment, long receivedNanos) {}

    /** A chunked body as the bytes it carries. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = sizeLine();
                if (size == null) {
                    done = true;
                    return -1;
                }
                left = Integer.parseInt(size.split(";")[0].strip(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int c = in.read();
            if (c < 0) {
                done = true;
                return -1;
            }
            // The CRLF that ends a chunk may come only with the next one: it is skipped as a blank size line then.
            left--;
            return c;
        }

        private String sizeLine() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    String text = line.toString().strip();
                    if (!text.isEmpty()) {
                        return text;
                    }
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            return null;
        }
    }
}
