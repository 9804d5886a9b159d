/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.spi.Integration;
import org.actrack.spi.Notifications;

/**
 * The default {@link LiveFeedSignals}: one connection per node listening to PostgreSQL's notifications
 * ({@link org.actrack.spi.Fanout#listen}), on a thread of its own. When the connection cannot be made or breaks, the log
 * says why (once, then at most every ten minutes), the periodic reads carry on, and it tries again after a pause that
 * grows to a minute; once connected again it reports "actions stored", so the feeds read what they may have missed.
 */
@ApplicationScoped
class DatabaseSignals implements LiveFeedSignals {

    private static final System.Logger LOGGER = System.getLogger(DatabaseSignals.class.getName());

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(1);
    private static final Duration WARNING_INTERVAL = Duration.ofMinutes(10);

    @Inject
    ActionLog log;

    @Inject
    RestConfiguration rest;

    @Override
    public AutoCloseable subscribe(Consumer<Notifications.Received> receiver, ThreadFactory threads) {
        Listening listening = new Listening(receiver);
        Thread thread = threads.newThread(listening::run);
        thread.setName("actrack-live-listener");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            listening.running = false;
            thread.interrupt();
        };
    }

    private final class Listening {
        private final Consumer<Notifications.Received> receiver;
        private volatile boolean running = true;
        private long lastWarning;

        Listening(Consumer<Notifications.Received> receiver) {
            this.receiver = receiver;
        }

        void run() {
            Duration pause = Duration.ofSeconds(1);
            boolean reconnecting = false;
            while (running) {
                Optional<Notifications> connection;
                try {
                    connection = log.unwrap(Integration.class)
                            .fanout()
                            .listen(rest.settings().listenUrl());
                } catch (ActrackException unavailable) {
                    warn(unavailable.getMessage());
                    pause = sleep(pause);
                    reconnecting = true;
                    continue;
                }
                if (connection.isEmpty()) {
                    LOGGER.log(
                            System.Logger.Level.INFO,
                            "actrack-rest''s live feeds read other nodes'' actions every {0} s"
                                    + " (no notifications on this database, or actrack.notify-channel is empty)",
                            rest.settings().pollSeconds());
                    return;
                }
                LOGGER.log(System.Logger.Level.INFO, "actrack-rest's live feeds listen to other nodes' notifications");
                try (Notifications notifications = connection.get()) {
                    if (reconnecting) {
                        receiver.accept(new Notifications.Received(true, Set.of()));
                    }
                    pause = Duration.ofSeconds(1);
                    while (running) {
                        Notifications.Received received = notifications.await(WAIT);
                        if (!received.isEmpty()) {
                            receiver.accept(received);
                        }
                    }
                } catch (ActrackException broke) {
                    warn(broke.getMessage());
                    pause = sleep(pause);
                    reconnecting = true;
                } catch (RuntimeException unexpected) {
                    LOGGER.log(System.Logger.Level.WARNING, "actrack-rest's listening connection failed", unexpected);
                    pause = sleep(pause);
                    reconnecting = true;
                }
            }
        }

        private void warn(String why) {
            long now = System.nanoTime();
            if (lastWarning == 0 || now - lastWarning > WARNING_INTERVAL.toNanos()) {
                lastWarning = now;
                LOGGER.log(
                        System.Logger.Level.WARNING,
                        why + "; live feeds read other nodes' actions every "
                                + rest.settings().pollSeconds()
                                + " s meanwhile (actrack.rest.listen-url sets the connection)");
            }
        }

        private Duration sleep(Duration pause) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                running = false;
            }
            Duration doubled = pause.multipliedBy(2);
            return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
        }
    }
}
