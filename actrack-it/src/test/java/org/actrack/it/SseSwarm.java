/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thousands of live feeds read by one thread, as a benchmark's clients: each connection's events are parsed as a
 * browser's {@code EventSource} parses them, and every {@code action} event is recorded with the time it was read.
 * A connection can stop reading (a client that cannot keep up).
 */
final class SseSwarm implements AutoCloseable {

    /** An action event as read: on which connection, which action, when ({@link System#nanoTime()}). */
    record Arrival(int connection, long action, long nanos) {}

    private static final byte[] ID_KEY = "\"id\":".getBytes(StandardCharsets.US_ASCII);

    private final Selector selector;
    private final Thread loop;
    private final List<Connection> connections = new ArrayList<>();
    private final ConcurrentLinkedQueue<Connection> toRegister = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Connection> toResume = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger greeted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private volatile boolean running = true;

    SseSwarm() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = new Thread(this::run, "sse-swarm");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Opens a live feed.
     *
     * @return the connection's index
     */
    int open(URI uri, String authorization) {
        return open(uri, authorization, 0);
    }

    /**
     * Opens a live feed with a small receive buffer (a few kilobytes): once it stops reading, the server's writes to it
     * soon block, as with a client on a slow network.
     *
     * @return the connection's index
     */
    int openSlow(URI uri, String authorization) {
        return open(uri, authorization, 4096);
    }

    private int open(URI uri, String authorization, int receiveBuffer) {
        Connection connection;
        synchronized (connections) {
            connection = new Connection(connections.size(), uri, authorization, receiveBuffer);
            connections.add(connection);
        }
        toRegister.add(connection);
        selector.wakeup();
        return connection.index;
    }

    /** Whether the server has closed a connection. */
    boolean endedByServer(int connection) {
        return connections.get(connection).endedByServer;
    }

    /** How many connections got their stream's first comment. */
    int greeted() {
        return greeted.get();
    }

    /** How many were answered with something else than a stream (429, 401…). */
    int refused() {
        return refused.get();
    }

    /** How many streams the server ended. */
    int ended() {
        return ended.get();
    }

    /** Waits until every connection opened so far is greeted or refused; whether they were within the time. */
    boolean awaitAnswers(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < end) {
            if (greeted.get() + refused.get() + ended.get() >= connections.size()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Every arrival recorded so far, taken out. */
    List<Arrival> drain() {
        List<Arrival> taken = new ArrayList<>();
        Arrival arrival;
        while ((arrival = arrivals.poll()) != null) {
            taken.add(arrival);
        }
        return taken;
    }

    /** Stops reading a connection: the server's writes to it pile up. */
    void stopReading(int connection) {
        connections.get(connection).paused = true;
    }

    /** Reads a stopped connection again: what piled up arrives, or its end when the server closed it meanwhile. */
    void resumeReading(int connection) {
        Connection resumed = connections.get(connection);
        resumed.paused = false;
        toResume.add(resumed);
        selector.wakeup();
    }

    /** Closes every connection. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection : connections) {
            connection.close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closed.
        }
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        while (running) {
            try {
                Connection pending;
                while ((pending = toRegister.poll()) != null) {
                    pending.start(selector);
                }
                while ((pending = toResume.poll()) != null) {
                    SelectionKey key = pending.channel.keyFor(selector);
                    if (key != null && key.isValid()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                selector.select(100);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            connection.finishConnect(key);
                        } else if (key.isWritable()) {
                            connection.write(key);
                        } else if (key.isReadable()) {
                            if (connection.paused) {
                                key.interestOps(0);
                                continue;
                            }
                            buffer.clear();
                            int read = connection.channel.read(buffer);
                            if (read < 0) {
                                connection.end();
                                key.cancel();
                                continue;
                            }
                            buffer.flip();
                            connection.received(buffer, System.nanoTime());
                        }
                    } catch (IOException | RuntimeException failed) {
                        connection.end();
                        key.cancel();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final class Connection {
        final int index;
        final URI uri;
        final String authorization;
        final int receiveBuffer;
        volatile boolean endedByServer;
        SocketChannel channel;
        ByteBuffer request;
        volatile boolean paused;
        private boolean headRead;
        private boolean chunked;
        private boolean counted;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private byte[] line = new byte[4096];
        private int lineLength;
        private int chunkLeft = -1;
        private final StringBuilder sizeLine = new StringBuilder();
        private boolean actionEvent;
        private long actionId = -1;
        private boolean comment;

        Connection(int index, URI uri, String authorization, int receiveBuffer) {
            this.receiveBuffer = receiveBuffer;
            this.index = index;
            this.uri = uri;
            this.authorization = authorization;
        }

        void start(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            if (receiveBuffer > 0) {
                channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, receiveBuffer);
            }
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                            + "\r\nAccept: text/event-stream\r\nAuthorization: " + authorization + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (channel.connect(new InetSocketAddress(uri.getHost(), uri.getPort()))) {
                channel.register(selector, SelectionKey.OP_WRITE, this);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, this);
            }
        }

        void finishConnect(SelectionKey key) throws IOException {
            if (channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
        }

        void write(SelectionKey key) throws IOException {
            channel.write(request);
            if (!request.hasRemaining()) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        void received(ByteBuffer bytes, long nanos) {
            while (bytes.hasRemaining()) {
                if (!headRead) {
                    byte b = bytes.get();
                    head.write(b);
                    byte[] sofar = head.toByteArray();
                    int n = sofar.length;
                    if (n >= 4
                            && sofar[n - 4] == '\r'
                            && sofar[n - 3] == '\n'
                            && sofar[n - 2] == '\r'
                            && sofar[n - 1] == '\n') {
                        headRead = true;
                        String text = head.toString(StandardCharsets.ISO_8859_1);
                        chunked = text.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
                        if (!text.startsWith("HTTP/1.1 200")) {
                            count(refused);
                            close();
                            return;
                        }
                    }
                    continue;
                }
                if (!chunked) {
                    body(bytes, bytes.remaining(), nanos);
                    continue;
                }
                if (chunkLeft <= 0) {
                    byte b = bytes.get();
                    if (b == '\n') {
                        String size = sizeLine.toString().strip();
                        sizeLine.setLength(0);
                        if (!size.isEmpty()) {
                            chunkLeft = Integer.parseInt(size.split(";")[0], 16);
                            if (chunkLeft == 0) {
                                end();
                                return;
                            }
                        }
                    } else if (b != '\r') {
                        sizeLine.append((char) b);
                    }
                    continue;
                }
                int take = Math.min(chunkLeft, bytes.remaining());
                chunkLeft -= take;
                body(bytes, take, nanos);
            }
        }

        /** Reads {@code count} bytes of the event stream, line by line (lines are kept as bytes; only ids are decoded). */
        private void body(ByteBuffer bytes, int count, long nanos) {
            for (int i = 0; i < count; i++) {
                byte b = bytes.get();
                if (b == '\n') {
                    line(nanos);
                    lineLength = 0;
                } else if (b != '\r') {
                    if (lineLength == line.length) {
                        line = java.util.Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLength++] = b;
                }
            }
        }

        private void line(long nanos) {
            if (lineLength == 0) {
                if (actionEvent && actionId >= 0) {
                    arrivals.add(new Arrival(index, actionId, nanos));
                }
                if (comment && !counted) {
                    count(greeted);
                }
                actionEvent = false;
                actionId = -1;
                comment = false;
            } else if (line[0] == ':') {
                comment = true;
            } else if (startsWith("event:")) {
                actionEvent = new String(line, 6, lineLength - 6, StandardCharsets.US_ASCII)
                        .strip()
                        .equals("action");
            } else if (startsWith("data:")) {
                actionId = idIn();
            }
        }

        private boolean startsWith(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** The number after the first {@code "id":} of the line, or -1. */
        private long idIn() {
            byte[] key = ID_KEY;
            outer:
            for (int i = 5; i + key.length <= lineLength; i++) {
                for (int k = 0; k < key.length; k++) {
                    if (line[i + k] != key[k]) {
                        continue outer;
                    }
                }
                long id = 0;
                int digits = 0;
                for (int d = i + key.length; d < lineLength && line[d] >= '0' && line[d] <= '9'; d++, digits++) {
                    id = id * 10 + (line[d] - '0');
                }
                return digits == 0 ? -1 : id;
            }
            return -1;
        }

        private void count(AtomicInteger counter) {
            if (!counted) {
                counted = true;
                counter.incrementAndGet();
            }
        }

        void end() {
            endedByServer = true;
            if (!counted) {
                count(ended);
            } else {
                ended.incrementAndGet();
            }
            close();
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Closed.
            }
        }
    }
}
