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
    record Arrival(int connection, long action, long nanos) {
    }

    private final Selector selector;
    private final Thread loop;
    private final List<Connection> connections = new ArrayList<>();
    private final ConcurrentLinkedQueue<Connection> toRegister = new ConcurrentLinkedQueue<>();
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
        Connection connection;
        synchronized (connections) {
            connection = new Connection(connections.size(), uri, authorization);
            connections.add(connection);
        }
        toRegister.add(connection);
        selector.wakeup();
        return connection.index;
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
        SocketChannel channel;
        ByteBuffer request;
        volatile boolean paused;
        private boolean headRead;
        private boolean chunked;
        private boolean counted;
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int chunkLeft = -1;
        private final StringBuilder sizeLine = new StringBuilder();
        private String eventName;
        private String eventData;
        private boolean comment;

        Connection(int index, URI uri, String authorization) {
            this.index = index;
            this.uri = uri;
            this.authorization = authorization;
        }

        void start(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: " + authorization + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
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
                byte b = bytes.get();
                if (!headRead) {
                    head.write(b);
                    byte[] sofar = head.toByteArray();
                    int n = sofar.length;
                    if (n >= 4 && sofar[n - 4] == '\r' && sofar[n - 3] == '\n' && sofar[n - 2] == '\r' && sofar[n - 1] == '\n') {
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
                if (chunked) {
                    if (chunkLeft <= 0) {
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
                    chunkLeft--;
                }
                body(b, nanos);
            }
        }

        private void body(byte b, long nanos) {
            if (b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isEmpty()) {
                if ("action".equals(eventName) && eventData != null) {
                    int start = eventData.indexOf("\"id\":") + 5;
                    int end = start;
                    while (end < eventData.length() && Character.isDigit(eventData.charAt(end))) {
                        end++;
                    }
                    arrivals.add(new Arrival(index, Long.parseLong(eventData.substring(start, end)), nanos));
                }
                if (comment && !counted) {
                    count(greeted);
                }
                eventName = null;
                eventData = null;
                comment = false;
            } else if (text.startsWith(":")) {
                comment = true;
            } else if (text.startsWith("event:")) {
                eventName = text.substring(6).strip();
            } else if (text.startsWith("data:")) {
                eventData = text.substring(5).strip();
            }
        }

        private void count(AtomicInteger counter) {
            if (!counted) {
                counted = true;
                counter.incrementAndGet();
            }
        }

        void end() {
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
