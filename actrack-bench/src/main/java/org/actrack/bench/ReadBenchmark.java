/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActionQuery;
import org.actrack.ActrackSettings;
import org.actrack.engine.Actrack;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;

/**
 * Workloads W2–W5, the reads: actrack against the best hand-written SQL ({@link HandWrittenReads}) on the
 * same data ({@link ReadData}), in the same run.
 *
 * <ul>
 * <li>W2: an object's stream, page 1 and a deep page by cursor: the sparse task as target (200 actions over a
 * year, page 5), a user as actor (1,000 actions at a million, page 50).</li>
 * <li>W3: a user's feed, page 1 and page 50 by cursor: 100 actor-only trackers, 1,000 any-role trackers.</li>
 * <li>W4: the unread count of a user with 10,000 unread among 200,000 rows of others, and mark all read.</li>
 * <li>W5: the count of the 1,000-tracker feed, and the count capped at 100.</li>
 * </ul>
 * Pages have 20 actions. Each workload first checks that every variant returns the same ids (or count) as the
 * baseline, then runs the variants round robin: warm-up rounds, then the measured ones. Reported: median and
 * p95 of one call, and the median as a ratio of the baseline's (1.00 = as fast as hand-written SQL).
 */
final class ReadBenchmark {

    static final int PAGE = 20;
    private static final int DEEP_PAGE = 50;
    /** The deep page of the grouped feeds: ten pages of groups of a day reach about a week back. */
    private static final int GROUPED_DEEP_PAGE = 10;

    private static final int CAP = 100;
    private static final long WARMUP_NANOS = Long.getLong("actrack.bench.warmup-seconds", 5) * 1_000_000_000L;
    private static final int MAX_WARMUP_ROUNDS = 2_000;
    /**
     * Quick calls are measured for at least this long (and at most {@link #MAX_SAMPLE_FACTOR} times the sample count):
     * a hundred calls of a third of a millisecond moved W2's median ratio by ±0.1 from run to run.
     */
    private static final long MEASURE_NANOS = Long.getLong("actrack.bench.measure-seconds", 3) * 1_000_000_000L;

    private static final int MAX_SAMPLE_FACTOR = 20;

    private final BenchUnit unit;
    private final ReadData data;
    private final int samples;
    private final int warmup;
    private final ActionLog log;
    private final HandWrittenReads sql;
    private final String only = System.getProperty("actrack.bench.only", "");

    ReadBenchmark(BenchUnit unit, int actions, int samples) {
        this.unit = unit;
        this.data = new ReadData(unit.database(), actions, Instant.now());
        this.samples = samples;
        this.warmup = Math.max(3, samples / 5);
        this.log = Actrack.builder()
                .entityManagerFactory(unit.factory())
                .settings(ActrackSettings.defaults())
                .build();
        this.sql = new HandWrittenReads(
                unit.dataSource(), unit.database(), ActrackSettings.defaults().readableLevel());
    }

    /** Generates the data, measures every workload, and returns the Markdown table. */
    String run() throws Exception {
        long start = System.nanoTime();
        if (!BenchUnit.keepsData()) {
            data.generate(unit.dataSource());
        }
        double generationSeconds = (System.nanoTime() - start) / 1e9;
        User actor = find(User.class, 1L);
        User actorOnlyReader = find(User.class, ReadData.ACTOR_ONLY_READER);
        User anyRoleReader = find(User.class, ReadData.ANY_ROLE_READER);
        User unreadReader = find(User.class, ReadData.UNREAD_READER);
        Task sparse = find(Task.class, 1L);

        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "%n## W2–W5 on %s with %s: %,d actions (generated in %.1f s), pages of %d,"
                        + " at least %d measured calls per variant (quick ones for %d s, up to %d times as many)"
                        + " after at least %d warm-up calls and %d s of them%n%n",
                unit.database(),
                unit.provider(),
                data.actions(),
                generationSeconds,
                PAGE,
                samples,
                MEASURE_NANOS / 1_000_000_000L,
                MAX_SAMPLE_FACTOR,
                warmup,
                WARMUP_NANOS / 1_000_000_000L));
        report.append("| workload | variant | median ms | p95 ms | vs baseline | ms in JDBC execute | statements |\n"
                + "|---|---|---:|---:|---:|---:|---:|\n");

        int sparseDeep = Math.min(5, ReadData.SPARSE_ACTIONS / PAGE);
        streamWorkload(
                report,
                "W2 object stream, target (sparse), page 1",
                log.actions(sparse).asTarget(),
                "Task#1",
                "TARGET",
                1);
        streamWorkload(
                report,
                "W2 object stream, target (sparse), page " + sparseDeep,
                log.actions(sparse).asTarget(),
                "Task#1",
                "TARGET",
                sparseDeep);
        int actorDeep = Math.min(DEEP_PAGE, Math.max(1, data.actions() / ReadData.ACTORS / PAGE));
        streamWorkload(
                report, "W2 object stream, actor, page 1", log.actions(actor).asActor(), "User#1", "ACTOR", 1);
        streamWorkload(
                report,
                "W2 object stream, actor, page " + actorDeep,
                log.actions(actor).asActor(),
                "User#1",
                "ACTOR",
                actorDeep);
        for (int page : new int[] {1, DEEP_PAGE}) {
            feedWorkload(
                    report,
                    "W3 feed, " + ReadData.ACTOR_ONLY_TRACKERS + " actor-only trackers, page " + page,
                    log.actions(actorOnlyReader).feed(),
                    "User#" + ReadData.ACTOR_ONLY_READER,
                    page);
            feedWorkload(
                    report,
                    "W3 feed, " + ReadData.ANY_ROLE_TRACKERS + " any-role trackers, page " + page,
                    log.actions(anyRoleReader).feed(),
                    "User#" + ReadData.ANY_ROLE_READER,
                    page);
        }
        for (int page : new int[] {1, GROUPED_DEEP_PAGE}) {
            groupedFeedWorkload(
                    report,
                    "W3 grouped feed, " + ReadData.ACTOR_ONLY_TRACKERS + " actor-only trackers, page " + page,
                    log.actions(actorOnlyReader).feed(),
                    page);
            groupedFeedWorkload(
                    report,
                    "W3 grouped feed, " + ReadData.ANY_ROLE_TRACKERS + " any-role trackers, page " + page,
                    log.actions(anyRoleReader).feed(),
                    page);
        }
        String unreadOwner = "User#" + ReadData.UNREAD_READER;
        measure(
                report,
                "W4 unread count (" + data.unreadOfReader() + " of " + (data.unreadOfReader() + data.unreadOfOthers())
                        + " rows)",
                List.of(
                        new Variant("hand-written SQL", null, () -> sql.unreadCount(unreadOwner)),
                        new Variant(
                                "actrack unreadCount",
                                null,
                                () -> log.unread(unreadReader).count())));
        seenHalfway(unreadOwner);
        measure(
                report,
                "W4 unseen count (unread newer than a seen position halfway through them)",
                List.of(
                        new Variant("hand-written SQL", null, () -> sql.unseenCount(unreadOwner)),
                        new Variant(
                                "actrack countUnseen",
                                null,
                                () -> log.unread(unreadReader).countUnseen())));
        Runnable restore = this::restoreUnread;
        measure(
                report,
                "W4 mark all read (" + data.unreadOfReader() + " rows)",
                List.of(
                        new Variant("hand-written SQL", restore, () -> sql.markAllRead(unreadOwner)),
                        new Variant(
                                "actrack markAllRead",
                                restore,
                                () -> log.unread(unreadReader).markAllRead())));
        String bigFeed = "User#" + ReadData.ANY_ROLE_READER;
        measure(
                report,
                "W5 feed count, " + ReadData.ANY_ROLE_TRACKERS + " trackers",
                List.of(
                        new Variant("hand-written SQL", null, () -> sql.feedCount(bigFeed, 0)),
                        new Variant(
                                "actrack count",
                                null,
                                () -> log.actions(anyRoleReader).feed().count())));
        measure(
                report,
                "W5 feed count capped at " + CAP,
                List.of(
                        new Variant(
                                "hand-written SQL (count of DISTINCT … LIMIT)",
                                null,
                                () -> sql.feedCount(bigFeed, CAP)),
                        new Variant(
                                "actrack countUpTo",
                                null,
                                () -> log.actions(anyRoleReader).feed().countUpTo(CAP))));
        return report.toString();
    }

    private void streamWorkload(StringBuilder report, String name, ActionQuery query, String key, String role, int page)
            throws Exception {
        if (!name.contains(only)) {
            return;
        }
        String cursor = actrackCursorBefore(query, page);
        HandWrittenReads.Position position = null;
        for (int i = 1; i < page; i++) {
            position = sql.objectStream(key, role, position, PAGE).next();
        }
        HandWrittenReads.Position after = position;
        measure(
                report,
                name,
                List.of(
                        new Variant(
                                "hand-written SQL",
                                null,
                                () -> sql.objectStream(key, role, after, PAGE).ids()),
                        new Variant(
                                "actrack", null, () -> ids(query.after(cursor).page(PAGE)))));
    }

    private void feedWorkload(StringBuilder report, String name, ActionQuery query, String ownerKey, int page)
            throws Exception {
        if (!name.contains(only)) {
            return;
        }
        String cursor = actrackCursorBefore(query, page);
        HandWrittenReads.Position position = null;
        for (int i = 1; i < page; i++) {
            position = sql.feed(ownerKey, HandWrittenReads.FeedForm.WINDOWED, position, PAGE)
                    .next();
        }
        HandWrittenReads.Position after = position;
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant(
                        "hand-written SQL, windowed keyset",
                        null,
                        () -> sql.feed(ownerKey, HandWrittenReads.FeedForm.WINDOWED, after, PAGE)
                                .ids()),
                new Variant("actrack", null, () -> ids(query.after(cursor).page(PAGE))),
                new Variant(
                        "reference: plain keys ORDER BY … LIMIT",
                        null,
                        () -> sql.feed(ownerKey, HandWrittenReads.FeedForm.PLAIN, after, PAGE)
                                .ids())));
        if (unit.database().equals("postgresql")) {
            variants.add(new Variant(
                    "reference: LATERAL top-N per key",
                    null,
                    () -> sql.feed(ownerKey, HandWrittenReads.FeedForm.LATERAL, after, PAGE)
                            .ids()));
        }
        measure(report, name, variants);
    }

    /**
     * A page of {@value #PAGE} groups of a feed (groups of a day, with their unread counts and 3 newest members) against
     * a flat page of {@value #PAGE} actions of the same feed at the same depth: what grouping at read time costs. Both
     * variants return the id of their newest action, which on page 1 is the same action (the newest group holds the
     * newest action); on a deeper page, whether the page is full.
     */
    private void groupedFeedWorkload(StringBuilder report, String name, ActionQuery feed, int page) throws Exception {
        if (!name.contains(only)) {
            return;
        }
        String flatCursor = actrackCursorBefore(feed, page);
        String groupedCursor = null;
        for (int i = 1; i < page; i++) {
            groupedCursor = Objects.requireNonNull(
                    feed.grouped().after(groupedCursor).page(PAGE).nextCursor(),
                    "the data has fewer than " + page + " pages of groups");
        }
        String groupsAfter = groupedCursor;
        measure(
                report,
                name,
                List.of(
                        new Variant("actrack flat page", null, () -> {
                            List<Long> ids = ids(feed.after(flatCursor).page(PAGE));
                            return page == 1 ? ids.get(0) : (Object) (ids.size() == PAGE);
                        }),
                        new Variant("actrack grouped page", null, () -> {
                            List<ActionGroup> groups =
                                    feed.grouped().after(groupsAfter).page(PAGE).groups();
                            return page == 1 ? groups.get(0).first().id() : (Object) (groups.size() == PAGE);
                        })));
    }

    /** The cursor after {@code page - 1} pages, walked with actrack itself; {@code null} for page 1. */
    private static String actrackCursorBefore(ActionQuery query, int page) {
        String cursor = null;
        for (int i = 1; i < page; i++) {
            ActionPage current = query.after(cursor).page(PAGE);
            cursor = Objects.requireNonNull(current.nextCursor(), "the data has fewer than " + page + " pages");
        }
        return cursor;
    }

    /**
     * Checks that every variant returns what the first (the baseline) returns, then times them round robin and
     * reports each against the first.
     */
    private void measure(StringBuilder report, String workload, List<Variant> variants) throws Exception {
        if (!workload.contains(only)) {
            return;
        }
        Object expected = null;
        for (Variant variant : variants) {
            if (variant.before() != null) {
                variant.before().run();
            }
            Object actual = variant.call().call();
            if (expected == null) {
                expected = actual;
            } else if (!expected.equals(actual)) {
                throw new IllegalStateException(workload + ": " + variant.name() + " returned " + actual
                        + " where the baseline returned " + expected);
            }
        }
        Map<Variant, List<Long>> times = new LinkedHashMap<>();
        Map<Variant, long[]> jdbc = new LinkedHashMap<>();
        variants.forEach(variant -> {
            times.put(variant, new ArrayList<>());
            jdbc.put(variant, new long[2]);
        });
        // Warm-up: at least `warmup` calls of each variant and WARMUP_NANOS in all, so that the JIT has compiled the
        // provider's deep paths as it has in a server that has run for a while (20 calls alone left EclipseLink's
        // query path interpreted and overstated actrack's ratios by up to 0.4).
        int warmupRounds = 0;
        for (long warmupStart = System.nanoTime();
                warmupRounds < warmup
                        || (System.nanoTime() - warmupStart < WARMUP_NANOS && warmupRounds < MAX_WARMUP_ROUNDS);
                warmupRounds++) {
            for (Variant variant : variants) {
                if (variant.before() != null) {
                    variant.before().run();
                }
                variant.call().call();
            }
        }
        int rounds = 0;
        for (long measureStart = System.nanoTime();
                rounds < samples
                        || (System.nanoTime() - measureStart < MEASURE_NANOS && rounds < samples * MAX_SAMPLE_FACTOR);
                rounds++) {
            for (Variant variant : variants) {
                if (variant.before() != null) {
                    variant.before().run();
                }
                long statements = unit.dataSource().executions();
                long inJdbc = unit.dataSource().executionNanos();
                long start = System.nanoTime();
                variant.call().call();
                long elapsed = System.nanoTime() - start;
                times.get(variant).add(elapsed);
                jdbc.get(variant)[0] += unit.dataSource().executionNanos() - inJdbc;
                jdbc.get(variant)[1] += unit.dataSource().executions() - statements;
            }
        }
        int measuredRounds = rounds;
        double baseline = Timings.of(times.get(variants.get(0))).medianMillis();
        times.forEach((variant, nanos) -> {
            Timings timings = Timings.of(nanos);
            long[] inJdbc = jdbc.get(variant);
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f | %.2f | %.2f× | %.2f | %.1f |%n",
                    workload,
                    variant.name(),
                    timings.medianMillis(),
                    timings.p95Millis(),
                    timings.medianMillis() / baseline,
                    inJdbc[0] / 1e6 / measuredRounds,
                    (double) inJdbc[1] / measuredRounds));
        });
        System.out.printf(Locale.ROOT, "measured %s%n", workload);
    }

    /**
     * Moves the user's seen position to the middle of their unread actions, so that the unseen count has half of them
     * to count. The generated trackers were written with SQL, without their owners' row: it is made here.
     */
    private Instant seenHalfway(String ownerKey) throws java.sql.SQLException {
        try (var connection = unit.dataSource().getConnection();
                var owner = connection.prepareStatement("INSERT INTO actrack_tracker_owner (owner_key)"
                        + " SELECT ? WHERE NOT EXISTS (SELECT 1 FROM actrack_tracker_owner WHERE owner_key = ?)");
                var middle = connection.prepareStatement("SELECT a.action_time FROM actrack_unread u"
                        + " JOIN actrack_action a ON a.id = u.action_id WHERE u.owner_key = ?"
                        + " ORDER BY a.action_time LIMIT 1 OFFSET ?");
                var move = connection.prepareStatement(
                        "UPDATE actrack_tracker_owner SET seen_at = ? WHERE owner_key = ?")) {
            owner.setString(1, ownerKey);
            owner.setString(2, ownerKey);
            owner.executeUpdate();
            middle.setString(1, ownerKey);
            middle.setInt(2, data.unreadOfReader() / 2);
            java.sql.Timestamp at;
            try (var rows = middle.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("No unread actions for " + ownerKey);
                }
                at = rows.getTimestamp(1);
            }
            move.setTimestamp(1, at);
            move.setString(2, ownerKey);
            move.executeUpdate();
            return at.toInstant();
        }
    }

    private void restoreUnread() {
        try (var connection = unit.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DELETE FROM actrack_unread WHERE owner_key = 'User#" + ReadData.UNREAD_READER + "'");
            statement.execute(data.restoreUnreadOfReader());
            if (unit.database().equals("postgresql")) {
                // Each mark-all-read leaves 10,000 dead rows: without a vacuum every count would read more of them.
                statement.execute("VACUUM actrack_unread");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not restore the unread rows", e);
        }
    }

    private <T> T find(Class<T> type, long id) {
        EntityManager em = unit.factory().createEntityManager();
        try {
            return Objects.requireNonNull(em.find(type, id), type.getSimpleName() + " " + id);
        } finally {
            em.close();
        }
    }

    private static List<Long> ids(ActionPage page) {
        return page.actions().stream().map(Action::id).toList();
    }

    /** One way of doing a workload: an optional step before each call (not timed), and the timed call. */
    private record Variant(String name, Runnable before, Callable<Object> call) {}
}
