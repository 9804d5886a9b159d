/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures a feed at scale (issue "Core", item 5): 1,000,000 actions by 1,000 projects, a user tracking 100
 * of them; the first page, page after page by cursor, and the count. PostgreSQL only (the rows are generated
 * with generate_series). Reports figures; asserts only what the pages contain. Run with
 * {@code mvn -B verify -pl actrack-api,actrack-impl -Dactrack.measure=true -Dactrack.test.db=postgresql
 * -Dtest=FeedScaleMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "actrack.measure", matches = "true")
@EnabledIfSystemProperty(named = "actrack.test.db", matches = "postgresql")
class FeedScaleMeasurement extends ActrackContractTest {

    private static final int ACTIONS = 1_000_000;
    private static final int PROJECTS = 1_000;
    private static final int TRACKED = 100;

    @Test
    void measureAFeedOverAMillionActions() {
        User reader = user("reader");
        List<Project> projects = new ArrayList<>();
        inTransaction(em -> {
            for (int i = 0; i < PROJECTS; i++) {
                Project project = new Project("p" + i);
                em.persist(project);
                projects.add(project);
            }
        });
        for (int i = 0; i < TRACKED; i++) {
            log.track(reader, projects.get(i * (PROJECTS / TRACKED)));
        }
        long firstId = projects.get(0).getId();
        long start = System.nanoTime();
        inTransaction(em -> {
            em.createNativeQuery(
                            "INSERT INTO actrack_action (id, actor_type, actor_id, verb, action_level, data, action_time)"
                                    + " SELECT 1000000000 + g, 'Project', CAST(" + firstId + " + (g % " + PROJECTS
                                    + ") AS VARCHAR), 'built', 30, '{}',"
                                    + " TIMESTAMP '2026-01-05 08:00:00' - (" + ACTIONS
                                    + " - g) * INTERVAL '1 second' FROM generate_series(1, " + ACTIONS + ") g")
                    .executeUpdate();
            em.createNativeQuery(
                            "INSERT INTO actrack_action_ref (id, action_id, role, position, ref_type, ref_id, ref_key, verb,"
                                    + " action_level, action_time) SELECT id, id, 'ACTOR', 0, actor_type, actor_id, actor_type || '#' || actor_id,"
                                    + " verb, action_level, action_time FROM actrack_action WHERE id > 1000000000")
                    .executeUpdate();
            em.createNativeQuery("ANALYZE").executeUpdate();
        });
        double loadSeconds = (System.nanoTime() - start) / 1e9;

        ActionQuery feed = log.actions(reader).feed();
        double firstPage = millis(() -> feed.page(20));
        ActionPage page = feed.page(20);
        double[] later = new double[50];
        for (int i = 0; i < later.length; i++) {
            String cursor = page.nextCursor();
            long t = System.nanoTime();
            page = feed.after(cursor).page(20);
            later[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(later);
        long[] total = new long[1];
        double count = millis(() -> total[0] = feed.count());

        assertThat(page.actions()).hasSize(20);
        assertThat(total[0]).isEqualTo(ACTIONS / PROJECTS * TRACKED);
        System.out.printf(
                Locale.ROOT,
                "%n== feed at scale on %s: %,d actions, %d trackers, %,d matching (generated in %.0f s) ==%n",
                database.kind(),
                ACTIONS,
                TRACKED,
                total[0],
                loadSeconds);
        System.out.printf(
                Locale.ROOT,
                "first page of 20: %.1f ms; pages 2-51 by cursor: median %.1f ms, max %.1f ms; count: %.1f ms%n",
                firstPage,
                later[later.length / 2],
                later[later.length - 1],
                count);
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
