/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.actrack.ActionLog;
import org.actrack.Options;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.spi.EntityManagerSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures what unread state costs (issue "Deleted items, unread state and rendering"): logging one action
 * matched by 1,000 users' trackers against one matched by none, a user's unread count, and mark-all-read.
 * Reports figures and ratios against a baseline measured in the same run; asserts nothing about time.
 * Run with {@code mvn -B verify -pl actrack-api,actrack-impl -Dactrack.measure=true -Dtest=UnreadCostMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dactrack.test.db=postgresql} for PostgreSQL).
 */
@EnabledIfSystemProperty(named = "actrack.measure", matches = "true")
class UnreadCostMeasurement extends ActrackContractTest {

    private static final int FOLLOWERS = 1_000;
    private static final int RUNS = 30;
    private static final int UNREAD = 10_000;

    @Test
    void measureUnreadCosts() {
        User writer = user("writer");
        Project popular = project("popular");
        Project quiet = project("quiet");
        List<User> followers = new ArrayList<>();
        inOneTransaction(shared -> {
            for (int i = 0; i < FOLLOWERS; i++) {
                User follower = new User("follower" + i);
                shared.em().persist(follower);
                followers.add(follower);
            }
            return null;
        });
        inOneTransaction(shared -> {
            for (User follower : followers) {
                shared.log().track(shared.em().merge(follower), popular, actorOnly(false));
            }
            return null;
        });
        for (int i = 0; i < 5; i++) {
            log.log(writer, "warm", targets(quiet));
            log.log(writer, "warm", targets(popular));
        }

        Timing quietLog = time(() -> log.log(writer, "edited", targets(quiet)));
        database.statements().reset();
        log.log(writer, "edited", targets(popular));
        int statementsPerLog = database.statements().statements().size();
        Timing popularLog = time(() -> log.log(writer, "edited", targets(popular)));

        User reader = followers.get(0);
        Project followedByOne = project("followed by one");
        log.track(reader, followedByOne, actorOnly(false));
        inOneTransaction(shared -> {
            for (int i = 0; i < UNREAD; i++) {
                if (i % 500 == 0) {
                    shared.em().clear();
                }
                shared.log().log(shared.em().merge(writer), "bulk", targets(followedByOne), Options.noGrouping());
            }
            return null;
        });
        long unread = log.unread(reader).count();
        Timing count = time(() -> log.unread(reader).count());
        long start = System.nanoTime();
        int marked = log.unread(reader).markAllRead();
        double markAllMillis = (System.nanoTime() - start) / 1e6;

        System.out.printf(Locale.ROOT, "%n== unread cost on %s ==%n", database.kind());
        System.out.printf(
                Locale.ROOT, "log, 0 matching trackers (baseline): %.2f ms median over %d%n", quietLog.median(), RUNS);
        System.out.printf(
                Locale.ROOT,
                "log, %d matching trackers: %.2f ms median (%.1fx baseline), %d SQL statements%n",
                FOLLOWERS,
                popularLog.median(),
                popularLog.median() / quietLog.median(),
                statementsPerLog);
        System.out.printf(
                Locale.ROOT, "unread count with %d unread: %.2f ms median over %d%n", unread, count.median(), RUNS);
        System.out.printf(Locale.ROOT, "mark all read of %d: %.2f ms%n", marked, markAllMillis);
    }

    private record Shared(EntityManager em, ActionLog log) {}

    private <T> T inOneTransaction(Function<Shared, T> work) {
        EntityManager em = database.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            ActionLog shared = Actrack.builder()
                    .entityManagerSource(EntityManagerSource.sharing(em))
                    .clock(clock)
                    .build();
            T result = work.apply(new Shared(em, shared));
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    private record Timing(double[] millis) {
        double median() {
            double[] sorted = millis.clone();
            java.util.Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    private static Timing time(Runnable work) {
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Timing(millis);
    }
}
