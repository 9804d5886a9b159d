/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.at;
import static org.actrack.Options.foreignId;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.actrack.Action;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Time partitions (issue 23, item 2): on the suites' partitioned schema ({@code -Dactrack.test.db=postgresql
 * -Dactrack.test.schema=partitioned}: a partition a day in January 2026 and a default partition, in each of
 * actrack_action, actrack_action_ref and actrack_unread), {@code prune} drops the partitions that hold only older
 * actions and deletes only the rest, row by row.
 */
@EnabledIfSystemProperty(named = "actrack.test.schema", matches = "partitioned")
class TimePartitionsTest extends ActrackContractTest {

    private User reader;
    private User writer;
    private Project project;

    @BeforeEach
    void aReaderFollowingAProject() {
        reader = user("reader");
        writer = user("writer");
        project = project("project");
        log.track(reader, project, actorOnly(false));
    }

    private void logAt(String time, String verb) {
        log.log(writer, verb, targets(project), at(Instant.parse(time)));
    }

    @Test
    void pruneDropsTheWholeDaysAndDeletesOnlyTheRest() {
        logAt("2025-12-30T10:00:00Z", "kept in the default partition");
        logAt("2026-01-05T10:00:00Z", "on the 5th");
        logAt("2026-01-05T11:00:00Z", "on the 5th");
        logAt("2026-01-06T10:00:00Z", "on the 6th");
        logAt("2026-01-07T08:00:00Z", "early on the 7th");
        logAt("2026-01-07T16:00:00Z", "late on the 7th");
        assertThat(partitionsOf("actrack_action")).contains("actrack_action_p20260105", "actrack_action_p20260106");

        long pruned = log.history().prune(Instant.parse("2026-01-07T12:00:00Z"));

        assertThat(pruned).isEqualTo(5);
        assertThat(log.actions(project).all().list(10)).extracting(Action::verb).containsExactly("late on the 7th");
        assertThat(log.unread(reader).count()).isEqualTo(1);
        for (String table : List.of("actrack_action", "actrack_action_ref", "actrack_unread")) {
            assertThat(partitionsOf(table))
                    .as("%s: the days before the 7th are dropped; the 7th, half pruned, and later days stay", table)
                    .doesNotContain(table + "_p20260101", table + "_p20260105", table + "_p20260106")
                    .contains(table + "_p20260107", table + "_p20260131", table + "_default");
        }
    }

    @Test
    void theForeignIdsOfDroppedDaysGoWithThem() {
        log.log(writer, "paid", targets(project), at(Instant.parse("2026-01-05T10:00:00Z")), foreignId("payment-1"));
        log.log(writer, "paid", targets(project), at(Instant.parse("2026-01-05T10:00:01Z")), foreignId("payment-1"));
        assertThat(rows("actrack_action"))
                .as("a foreign id is unique across partitions")
                .isEqualTo(1);
        assertThat(rows("actrack_foreign_id")).isEqualTo(1);

        log.history().prune(Instant.parse("2026-01-06T00:00:00Z"));

        assertThat(rows("actrack_foreign_id")).isZero();
        log.log(writer, "paid", targets(project), at(Instant.parse("2026-01-08T10:00:00Z")), foreignId("payment-1"));
        assertThat(log.actionByForeignId("payment-1")).isPresent();
    }

    @Test
    void aForeignIdIsUniqueAcrossPartitionsAndFreedWhenItsActionIsDeletedRowByRow() {
        log.log(writer, "paid", targets(project), at(Instant.parse("2026-01-05T10:00:00Z")), foreignId("payment-2"));
        log.log(writer, "paid", targets(project), at(Instant.parse("2026-01-20T10:00:00Z")), foreignId("payment-2"));
        log.log(writer, "paid", targets(project), at(Instant.parse("2025-06-01T10:00:00Z")), foreignId("payment-2"));

        assertThat(rows("actrack_action")).isEqualTo(1);
        assertThat(log.actionByForeignId("payment-2").orElseThrow().timestamp())
                .isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));

        log.history().prune(Instant.parse("2026-01-05T12:00:00Z"));

        assertThat(rows("actrack_foreign_id")).isZero();
        assertThat(partitionsOf("actrack_action")).contains("actrack_action_p20260105");
    }

    private List<String> partitionsOf(String table) {
        return read(em -> em
                .createNativeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ?1"
                        + " AND p.relnamespace = current_schema()::regnamespace ORDER BY 1")
                .setParameter(1, table)
                .getResultList()
                .stream()
                .map(String::valueOf)
                .toList());
    }
}
