/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.actrack.ActrackSettings;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.testing.TestDatabase;
import org.actrack.engine.write.OutboxRelay;
import org.actrack.spi.ActionExporter;

/**
 * An outbox relay in a JVM of its own, for {@link RelayKilledMidBatchTest}: relays the test database's outbox round
 * after round, its exporter writing each event's id to a journal (forced to disk) and then taking its time, and writing
 * {@code settled} after each round's events were marked. The test kills it with {@code kill -9}.
 *
 * <p>Arguments: the journal's path, the node's name, the milliseconds the exporter takes per event. The database is the
 * test run's ({@code actrack.test.*} system properties), its schema already there.
 */
public final class RelayNode {

    private RelayNode() {}

    public static void main(String[] args) throws Exception {
        TestDatabase.Target target = TestDatabase.Target.fromSystemProperties();
        Map<String, Object> properties =
                target.unitProperties(new CountingDataSource(target.url(), target.user(), target.password()));
        properties.put("jakarta.persistence.schema-generation.database.action", "none");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(TestDatabase.UNIT, properties);
        ActrackEngine engine = Actrack.builder()
                .entityManagerFactory(factory)
                .settings(ActrackSettings.builder().outbox(true).outboxBatch(50).build())
                .buildEngine();
        OutboxRelay relay = engine.outboxRelay();
        long pause = Long.parseLong(args[2]);
        try (FileOutputStream journal = new FileOutputStream(args[0], true)) {
            ActionExporter exporter = events -> {
                for (var event : events) {
                    write(journal, event.id());
                    Thread.sleep(pause);
                }
            };
            while (true) {
                OutboxRelay.Round round = relay.relayOnce(args[1], exporter, Supplier::get);
                if (!round.delivered().isEmpty()) {
                    write(journal, "settled");
                }
                if (round.idle()) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private static void write(FileOutputStream journal, String line) throws IOException {
        journal.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        journal.getFD().sync();
    }
}
