/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The threads of a node's live feeds, made by the default {@code ManagedThreadFactory} of Jakarta Concurrency where
 * the server has it (the threads then carry the application's context: its class loader, naming and security);
 * outside a server (tests), plain threads. Looked up once, from a request, where {@code java:comp} is there.
 *
 * <p>The ticks run on a scheduler of actrack's own over a managed thread, not on the server's
 * {@code ManagedScheduledExecutorService}: Payara Micro 6 runs every repetition of a periodic task scheduled from a
 * request inside that request's captured invocation, and after each run logs two errors at SEVERE (the invocation
 * stack, and its cleaner closing an entity manager closed long before).
 *
 * <ul>
 * <li>one dispatcher: reads what is new, matches, renders and queues events, one round at a time;</li>
 * <li>senders: a pool that grows with the clients being written to at once (a runtime that writes in the sending
 * thread holds one per slow client) up to {@value #MAX_SENDERS}, and shrinks when idle;</li>
 * <li>ticks: the periodic reads and heartbeats, which only hand work to the dispatcher.</li>
 * </ul>
 */
final class LiveThreads {

    private static final System.Logger LOGGER = System.getLogger(LiveThreads.class.getName());

    /** The most threads writing to clients at once. */
    static final int MAX_SENDERS = 256;

    private final ThreadFactory factory;
    private final ExecutorService dispatcher;
    private final ThreadPoolExecutor senders;
    private final ScheduledExecutorService ticks;

    private LiveThreads(ThreadFactory factory) {
        this.factory = factory;
        this.dispatcher = new ThreadPoolExecutor(
                1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), named(factory, "actrack-live-dispatcher"));
        this.senders = new ThreadPoolExecutor(
                4, MAX_SENDERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), named(factory, "actrack-live-sender"));
        this.ticks = new ScheduledThreadPoolExecutor(1, named(factory, "actrack-live-ticks"));
    }

    /** The server's managed threads where there are, plain ones otherwise. */
    static LiveThreads lookUp() {
        ThreadFactory factory = lookUp("java:comp/DefaultManagedThreadFactory", ThreadFactory.class);
        if (factory == null) {
            LOGGER.log(
                    System.Logger.Level.INFO,
                    "actrack-rest found no managed thread factory: live feeds use plain threads");
            factory = Thread::new;
        }
        return new LiveThreads(factory);
    }

    ExecutorService dispatcher() {
        return dispatcher;
    }

    ThreadPoolExecutor senders() {
        return senders;
    }

    ScheduledExecutorService ticks() {
        return ticks;
    }

    /** A thread of its own (the listening connection's). */
    Thread thread(String name, Runnable work) {
        Thread thread = factory.newThread(work);
        thread.setName(name);
        thread.setDaemon(true);
        return thread;
    }

    /** Whether any of the pools was shut down, or a pool's thread died for good. */
    boolean isShutdown() {
        return dispatcher.isShutdown() || senders.isShutdown() || ticks.isShutdown();
    }

    /** Stops the threads. */
    void shutdown() {
        dispatcher.shutdownNow();
        senders.shutdownNow();
        ticks.shutdownNow();
    }

    private static ThreadFactory named(ThreadFactory factory, String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = factory.newThread(work);
            thread.setName(name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static <T> T lookUp(String name, Class<T> type) {
        try {
            Object found = new InitialContext().lookup(name);
            return type.isInstance(found) ? type.cast(found) : null;
        } catch (NamingException | RuntimeException notInAServer) {
            return null;
        }
    }
}
