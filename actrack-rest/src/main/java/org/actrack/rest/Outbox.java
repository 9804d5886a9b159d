/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The events waiting for one live feed's connection, sent one at a time by the senders' pool: the next goes when the
 * runtime reports the previous written ({@link SseEventSink#send}'s completion), so no thread waits on a client.
 * A runtime whose {@code send} writes in the calling thread (Jersey) holds one sender thread while a client is slow;
 * the others go on. Each round's events for a feed go as one batch: one hand-over to a sender, not one per event. At
 * most {@link #CAPACITY} events wait (and one batch more): a client that cannot keep up is closed (it resumes from its
 * last event), and never delays the other feeds.
 */
final class Outbox {

    /** The most events waiting for one client. */
    static final int CAPACITY = 512;

    private final SseEventSink sink;
    private final Executor senders;
    private final Consumer<Throwable> failure;
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    /** When the event being written was handed to the runtime ({@link System#nanoTime()}), 0 when none is. */
    private final AtomicLong inFlightSince = new AtomicLong();

    private volatile long lastWritten = System.nanoTime();

    /** @param failure what happens when a write fails: the feed closes */
    Outbox(SseEventSink sink, Executor senders, Consumer<Throwable> failure) {
        this.sink = sink;
        this.senders = senders;
        this.failure = failure;
    }

    /**
     * Queues a batch of events, to be written one after the other, and has them sent; none is queued when
     * {@link #CAPACITY} events wait already (a batch, such as a resumed feed's catch-up, may go beyond it once).
     *
     * @return a stage completed once the last is written, or exceptionally when the connection failed or the client
     *     cannot keep up
     */
    CompletableFuture<Void> offer(List<OutboundSseEvent> events) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (size.get() >= CAPACITY) {
            written.completeExceptionally(
                    new IllegalStateException("The client cannot keep up: " + CAPACITY + " events wait"));
            return written;
        }
        size.addAndGet(events.size());
        for (int i = 0; i < events.size(); i++) {
            waiting.add(new Pending(events.get(i), i == events.size() - 1 ? written : null));
        }
        drain();
        return written;
    }

    /** How long the event being written has been, in nanoseconds; 0 when none is. */
    long writingFor(long now) {
        long since = inFlightSince.get();
        return since == 0 ? 0 : now - since;
    }

    /** When the connection was last written to ({@link System#nanoTime()}). */
    long lastWritten() {
        return lastWritten;
    }

    boolean isIdle() {
        return size.get() == 0 && !sending.get();
    }

    private void drain() {
        if (sending.compareAndSet(false, true)) {
            try {
                senders.execute(this::sendNext);
            } catch (RejectedExecutionException saturated) {
                sending.set(false);
                failure.accept(saturated);
            }
        }
    }

    /** Sends waiting events until one is not written at once; its completion continues. */
    private void sendNext() {
        while (true) {
            Pending next = waiting.poll();
            if (next == null) {
                sending.set(false);
                if (!waiting.isEmpty()) {
                    drain();
                }
                return;
            }
            size.decrementAndGet();
            CompletionStage<?> stage;
            inFlightSince.set(System.nanoTime());
            try {
                stage = sink.send(next.event());
            } catch (RuntimeException gone) {
                failed(next, gone);
                return;
            }
            CompletableFuture<?> future = stage.toCompletableFuture();
            if (!future.isDone()) {
                future.whenComplete((ignored, error) -> {
                    if (error != null) {
                        failed(next, error);
                    } else {
                        written(next);
                        try {
                            senders.execute(this::sendNext);
                        } catch (RejectedExecutionException saturated) {
                            sending.set(false);
                            failure.accept(saturated);
                        }
                    }
                });
                return;
            }
            if (future.isCompletedExceptionally()) {
                failed(next, future.handle((ignored, error) -> error).join());
                return;
            }
            written(next);
        }
    }

    private void written(Pending event) {
        inFlightSince.set(0);
        lastWritten = System.nanoTime();
        if (event.written() != null) {
            event.written().complete(null);
        }
    }

    private void failed(Pending event, Throwable error) {
        inFlightSince.set(0);
        sending.set(false);
        fail(event, error);
        Pending dropped;
        while ((dropped = waiting.poll()) != null) {
            size.decrementAndGet();
            fail(dropped, error);
        }
        failure.accept(error);
    }

    private static void fail(Pending event, Throwable error) {
        if (event.written() != null) {
            event.written().completeExceptionally(error);
        }
    }

    /** An event, and for the last of a batch, the stage its sender waits on. */
    private record Pending(OutboundSseEvent event, CompletableFuture<Void> written) {}
}
