/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.noGrouping;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.write.OutboxRelay;
import org.actrack.spi.ExportedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A relay killed with {@code kill -9} in the middle of a batch: its JVM ({@link RelayNode}) dies while its exporter
 * holds claimed events. Another node, once the claims have expired, delivers everything the dead one had not marked, in
 * order per subject, with the same event ids, and nothing else again: nothing is lost, and only the unmarked batch
 * repeats.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "h2|",
        disabledReason = "another JVM needs the database: H2 in memory lives in this one (PostgreSQL and MariaDB runs)")
class RelayKilledMidBatchTest extends ActrackContractTest {

    private static final int SUBJECTS = 40;
    private static final int PER_SUBJECT = 3;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().outbox(true).build();
    }

    @Test
    void aRelayKilledMidBatchLosesNothingAndRepeatsOnlyWhatItHadNotMarked() throws Exception {
        User writer = user("writer");
        List<Project> projects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            projects.add(project("project " + i));
        }
        for (int round = 0; round < PER_SUBJECT; round++) {
            for (Project project : projects) {
                log.log(writer, "edited", targets(project), noGrouping());
            }
        }
        Map<String, List<String>> written = eventsBySubject();
        assertThat(written.values().stream().mapToInt(List::size).sum()).isEqualTo(SUBJECTS * PER_SUBJECT);

        Path journal = Files.createTempFile("actrack-relay-", ".journal");
        Process node = start(journal);
        try {
            // The first round (40 events) settled, the second one half exported: then kill -9.
            awaitLines(journal, SUBJECTS + 1 + SUBJECTS / 2, node);
        } finally {
            node.destroyForcibly();
            node.waitFor();
        }
        List<String> lines = Files.readAllLines(journal);
        int lastSettled = lines.lastIndexOf("settled");
        Set<String> markedByTheDead = new HashSet<>(lines.subList(0, Math.max(lastSettled, 0)));
        markedByTheDead.remove("settled");
        Set<String> unmarked = new HashSet<>(lines.subList(lastSettled + 1, lines.size()));
        assertThat(unmarked).as("the kill came in the middle of a batch").isNotEmpty();

        // Another node, after the dead one's claims expired.
        ActrackEngine survivor = (ActrackEngine) Actrack.builder()
                .entityManagerFactory(database.factory())
                .settings(settings())
                .clock(Clock.offset(Clock.systemUTC(), OutboxRelay.CLAIM.plusMinutes(1)))
                .buildEngine();
        List<ExportedEvent> delivered = new ArrayList<>();
        while (!survivor.outboxRelay()
                .relayOnce("survivor", delivered::addAll, Supplier::get)
                .idle()) {
            // until nothing is due
        }

        Set<String> all = new HashSet<>();
        written.values().forEach(all::addAll);
        Set<String> everyDelivery = new HashSet<>(markedByTheDead);
        everyDelivery.addAll(unmarked);
        delivered.forEach(event -> everyDelivery.add(event.id()));
        assertThat(everyDelivery).as("nothing lost").isEqualTo(all);
        Set<String> repeated = new HashSet<>();
        delivered.forEach(event -> {
            if (markedByTheDead.contains(event.id()) || unmarked.contains(event.id())) {
                repeated.add(event.id());
            }
        });
        assertThat(repeated)
                .as("only the batch the dead node had not marked comes again")
                .isEqualTo(unmarked);
        assertThat(repeated).doesNotContainAnyElementsOf(markedByTheDead);
        assertThat(delivered).extracting(ExportedEvent::id).doesNotHaveDuplicates();
        // Per subject, the survivor's deliveries keep the order the events were written in.
        Map<String, List<String>> survivorBySubject = new LinkedHashMap<>();
        delivered.forEach(event -> survivorBySubject
                .computeIfAbsent(event.subject(), subject -> new ArrayList<>())
                .add(event.id()));
        survivorBySubject.forEach(
                (subject, ids) -> assertThat(written.get(subject)).as(subject).containsSubsequence(ids));
        assertThat(rows("actrack_outbox")).isZero();
    }

    /** The outbox's event ids per subject, oldest first. */
    private Map<String, List<String>> eventsBySubject() {
        Map<String, List<String>> bySubject = new LinkedHashMap<>();
        read(em -> em.createNativeQuery("SELECT aggregateid, id FROM actrack_outbox ORDER BY created_at, id")
                        .getResultList())
                .forEach(row -> {
                    Object[] columns = (Object[]) row;
                    bySubject
                            .computeIfAbsent((String) columns[0], subject -> new ArrayList<>())
                            .add((String) columns[1]);
                });
        return bySubject;
    }

    private static Process start(Path journal) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path")));
        for (String property : List.of(
                "actrack.test.db",
                "actrack.test.jdbc.url",
                "actrack.test.jdbc.user",
                "actrack.test.jdbc.password",
                "actrack.test.provider")) {
            String value = System.getProperty(property);
            if (value != null && !value.isEmpty()) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(List.of(RelayNode.class.getName(), journal.toString(), "doomed", "20"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File(journal + ".log"))
                .start();
    }

    private static void awaitLines(Path journal, int lines, Process node) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (Files.readAllLines(journal).size() < lines) {
            if (!node.isAlive()) {
                throw new AssertionError("The relay's JVM ended: " + Files.readString(Path.of(journal + ".log")));
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("The relay's JVM delivered too little: " + Files.readAllLines(journal));
            }
            Thread.sleep(20);
        }
    }
}
