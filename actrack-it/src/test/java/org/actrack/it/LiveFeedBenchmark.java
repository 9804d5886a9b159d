/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actrack.it.rest.RestFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live-feed benchmark, on demand (never in CI): N live feeds (N/5 users, five feeds each, every user following 5
 * of 50 objects, so that each action enters about 10% of the feeds) on one node, while a writer logs 20 actions a
 * second through the application (after ten seconds of it unmeasured). Reports commit→delivery latency (from the response of the request that logged the
 * action, whose transaction has committed, and from sending it), missing and repeated events, the database's
 * statements per second with the feeds open and no action, the server's CPU, and how much one client that stops
 * reading delays the others. Appends its table to {@code target/live-feed-benchmark.md} (or the file
 * {@code actrack.bench.out} names). {@code actrack-it/live-feed-benchmark.sh} runs every configuration.
 *
 * <p>{@code mvn -B verify -pl actrack-it -Dit.test=LiveFeedBenchmark [-Pwildfly,hibernate] [-Dactrack.test.db=postgresql]
 * [-Dactrack.bench.feeds=100,1000,5000]}
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveFeedBenchmark {

    static final int OBJECTS = 50;
    static final int FOLLOWS = 5;
    static final int FEEDS_PER_USER = 5;
    static final int RATE = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return benchWar("actrack-live-bench");
    }

    /** The benchmark's application on the database of the run (the server's H2, or this machine's PostgreSQL). */
    static WebArchive benchWar(String name) {
        String[] configuration = {
            "actrack.user-type=Member",
            "actrack.rest.open-streams=true",
            "actrack.cursor-secret=the secret every node of the benchmark shares"
        };
        if ("postgresql".equals(System.getProperty("actrack.test.db"))) {
            return Wars.base(name, configuration)
                    .addPackage(RestFixture.class.getPackage())
                    .addAsResource("it-postgres-persistence.xml", "META-INF/persistence.xml")
                    .addAsWebInfResource(Wars.postgresDataSource(40), "web.xml")
                    .addAsLibraries(Wars.jar("actrack.test-lib", "postgresql"))
                    .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
        }
        return Wars.application(name, configuration)
                .addPackage(RestFixture.class.getPackage())
                .addAsLibraries(Wars.jar("actrack.rest-lib", "actrack-rest"));
    }

    @ArquillianResource
    URL base;

    @Test
    void measure() throws Exception {
        Bench bench = new Bench(base, base, label());
        bench.warmUp();
        List<String> rows = new ArrayList<>();
        for (String size :
                System.getProperty("actrack.bench.feeds", "100,1000,5000").split(",")) {
            rows.add(bench.run(Integer.parseInt(size.strip()), Integer.parseInt(size.strip()) == 1000));
        }
        Bench.report(label(), rows);
    }

    static String label() {
        String server =
                "wildfly".equals(System.getProperty("arquillian.launch")) ? "WildFly 39" : "Payara Micro 6.2025.10";
        return server + ", " + ("postgresql".equals(System.getProperty("actrack.test.db")) ? "PostgreSQL" : "H2");
    }

    /** One benchmark against a node where actions are logged and a node where feeds are read (the same, or another). */
    static final class Bench {
        private static final Pattern PID = Pattern.compile("pid=(\\d+)");

        private final RestClient writerNode;
        private final URL feedsNode;
        private final String label;
        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final Random random = new Random(20261206);
        private final Map<Integer, int[]> follows = new HashMap<>();
        private int usersMade;

        Bench(URL writerNode, URL feedsNode, String label) throws Exception {
            this.writerNode = new RestClient(writerNode);
            this.feedsNode = feedsNode;
            this.label = label;
            this.writerNode.fixture();
        }

        /** A first round that loads the classes and fills the pools, not measured. */
        void warmUp() throws Exception {
            users(20);
            try (SseSwarm swarm = new SseSwarm()) {
                open(swarm, 20);
                write(40, null);
                Thread.sleep(2000);
            }
            Thread.sleep(3000);
        }

        /**
         * Opens {@code feeds} feeds, measures the idle statements, then 30 s of writing; with {@code stall}, 20 s more with
         * one more client that follows everything and stops reading.
         *
         * @return the table row
         */
        String run(int feeds, boolean stall) throws Exception {
            int users = feeds / FEEDS_PER_USER;
            users(users);
            try (SseSwarm swarm = new SseSwarm()) {
                long opening = System.nanoTime();
                List<Integer> userOf = open(swarm, users);
                double openSeconds = (System.nanoTime() - opening) / 1e9;
                int served = swarm.greeted();
                // PostgreSQL's backends report their counters up to 10 s after they go idle: the opening's statements
                // must be counted before the idle window starts.
                Thread.sleep(15_000);
                long[] statementsBefore = statements();
                Map<String, Long> eachBefore = eachStatement();
                long idleStart = System.nanoTime();
                Thread.sleep(30_000);
                long[] statementsAfter = statements();
                logIdleStatements(feeds, eachBefore, eachStatement());
                double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
                // Ten seconds of writing first, not measured: the delivery path at this size runs warm, as on a server
                // that has been up for a while.
                write(10 * RATE, null);
                Thread.sleep(1000);
                swarm.drain();
                long cpuBefore = serverCpuTicks();
                long activeStart = System.nanoTime();
                Map<Long, long[]> written = write(30 * RATE, null);
                double activeSeconds = (System.nanoTime() - activeStart) / 1e9;
                long cpuAfter = serverCpuTicks();
                Thread.sleep(10_000);
                List<SseSwarm.Arrival> arrivals = swarm.drain();
                Result result = Result.of(written, arrivals, userOf, follows);
                logTimeline(feeds, written, arrivals, activeStart);
                String stalled = "";
                if (stall) {
                    int slow = stalledClient(swarm);
                    AtomicInteger flooded = new AtomicInteger();
                    Thread flood = flood(30, flooded);
                    Map<Long, long[]> duringStall = write(30 * RATE, null);
                    flood.join();
                    Thread.sleep(10_000);
                    List<Integer> withSlow = new ArrayList<>(userOf);
                    withSlow.add(-1);
                    Result others = Result.of(
                            duringStall,
                            swarm.drain().stream()
                                    .filter(a -> a.connection() != slow)
                                    .toList(),
                            withSlow,
                            follows);
                    swarm.resumeReading(slow);
                    Thread.sleep(10_000);
                    long toSlow = swarm.drain().stream()
                            .filter(a -> a.connection() == slow)
                            .count();
                    stalled = String.format(
                            " p95 %.0f / p99 %.0f ms (missing %d); the stalled one %s after %d of %d events",
                            others.percentile(0.95),
                            others.percentile(0.99),
                            others.missing,
                            swarm.endedByServer(slow) ? "was closed" : "was not closed",
                            toSlow,
                            duringStall.size() + flooded.get());
                }
                double cpuPercent = (cpuAfter - cpuBefore) / 100.0 / activeSeconds * 100;
                String idle = statementsBefore[0] < 0
                        ? "n/a"
                        : String.format("%.1f/s", (statementsAfter[0] - statementsBefore[0]) / idleSeconds)
                                + (statementsBefore[1] > 0
                                        ? String.format(
                                                " (%.1f tx/s)",
                                                (statementsAfter[1] - statementsBefore[1]) / idleSeconds)
                                        : "");
                return String.format(
                        "| %,d | %d/%d in %.1f s | %.0f / %.0f / %.0f ms | %.0f / %.0f / %.0f ms | %d | %d | %s | %.0f%% |%s |",
                        feeds,
                        served,
                        userOf.size(),
                        openSeconds,
                        result.percentile(0.50),
                        result.percentile(0.95),
                        result.percentile(0.99),
                        result.fromSend(0.50),
                        result.fromSend(0.95),
                        result.fromSend(0.99),
                        result.missing,
                        result.repeated,
                        idle,
                        cpuPercent,
                        stalled.isEmpty() ? " –" : stalled);
            } finally {
                // Let the server see the closed connections before the next size.
                Thread.sleep(5000);
            }
        }

        /** Creates readers up to {@code count}, each following {@value #FOLLOWS} of the {@value #OBJECTS} objects. */
        void users(int count) throws Exception {
            StringBuilder plan = new StringBuilder();
            for (int u = usersMade; u < count; u++) {
                int[] objects =
                        random.ints(0, OBJECTS).distinct().limit(FOLLOWS).toArray();
                follows.put(u, objects);
                plan.append("reader-").append(u + 1);
                Arrays.stream(objects).forEach(o -> plan.append(' ').append(o));
                plan.append('\n');
            }
            usersMade = Math.max(usersMade, count);
            HttpResponse<String> made =
                    writerNode.send(HttpRequest.newBuilder(writerNode.url("api/bench/setup/" + OBJECTS))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(plan.toString()))
                            .timeout(Duration.ofMinutes(10))
                            .build());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        }

        /** Opens five feeds per user on the feeds' node; the user of each connection, in order. */
        List<Integer> open(SseSwarm swarm, int users) throws InterruptedException {
            List<Integer> userOf = new ArrayList<>();
            URI events = URI.create(feedsNode.toString()).resolve("activity/feed/events");
            for (int u = 0; u < users; u++) {
                for (int f = 0; f < FEEDS_PER_USER; f++) {
                    swarm.open(events, RestClient.basic("reader-" + (u + 1)));
                    userOf.add(u);
                }
                if (userOf.size() % 200 == 0) {
                    swarm.awaitAnswers(60, TimeUnit.SECONDS);
                }
            }
            assertThat(swarm.awaitAnswers(120, TimeUnit.SECONDS))
                    .as("every feed answered")
                    .isTrue();
            return userOf;
        }

        /**
         * One more client following every object and one more that no one else follows, with a small receive buffer,
         * which stops reading at once; its connection's index.
         */
        int stalledClient(SseSwarm swarm) throws Exception {
            StringBuilder plan = new StringBuilder("reader-stalled");
            for (int o = 0; o <= OBJECTS; o++) {
                plan.append(' ').append(o);
            }
            HttpResponse<String> made =
                    writerNode.send(HttpRequest.newBuilder(writerNode.url("api/bench/setup/" + (OBJECTS + 1)))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(plan.toString()))
                            .build());
            assertThat(made.statusCode()).isEqualTo(200);
            int connection = swarm.openSlow(
                    URI.create(feedsNode.toString()).resolve("activity/feed/events"),
                    RestClient.basic("reader-stalled"));
            swarm.awaitAnswers(30, TimeUnit.SECONDS);
            swarm.stopReading(connection);
            return connection;
        }

        /**
         * A second writer, for {@code seconds}: 40 actions a second of 7,900 characters of data about the object only the
         * stalled client follows, so that its connection's buffers fill within seconds and the server's writes to it
         * block (the others' load only grows: the comparison is conservative).
         */
        Thread flood(int seconds, AtomicInteger logged) {
            Thread flood = new Thread(
                    () -> {
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
                        long next = System.nanoTime();
                        try {
                            while (System.nanoTime() < end) {
                                long wait = next - System.nanoTime();
                                if (wait > 0) {
                                    TimeUnit.NANOSECONDS.sleep(wait);
                                }
                                next += TimeUnit.MILLISECONDS.toNanos(25);
                                http.send(
                                        HttpRequest.newBuilder(
                                                        writerNode.url("api/bench/log/" + OBJECTS + "?padding=7900"))
                                                .POST(HttpRequest.BodyPublishers.noBody())
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding());
                                logged.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException("The flood of the stalled client stopped", e);
                        }
                    },
                    "stall-flood");
            flood.start();
            return flood;
        }

        /**
         * Logs {@code count} actions at {@value #RATE} a second about random objects.
         *
         * @return for each action id: the object, when the request was sent, when its answer came
         */
        Map<Long, long[]> write(int count, Object unused) throws Exception {
            Map<Long, long[]> written = new HashMap<>();
            long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += interval;
                int object = random.nextInt(OBJECTS);
                long sent = System.nanoTime();
                HttpResponse<String> logged = http.send(
                        HttpRequest.newBuilder(writerNode.url("api/bench/log/" + object))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                assertThat(logged.statusCode()).as(logged.body()).isEqualTo(200);
                written.put(Long.parseLong(logged.body().strip()), new long[] {object, sent, answered});
            }
            return written;
        }

        /** The database's statement counters: H2's executed statements, or PostgreSQL's scans of actrack's tables and transactions. */
        long[] statements() throws Exception {
            HttpResponse<String> answer = writerNode.send(HttpRequest.newBuilder(writerNode.url("api/bench/statements"))
                    .build());
            if (answer.statusCode() != 200) {
                return new long[] {-1, -1};
            }
            String[] words = answer.body().strip().split(" ");
            return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
        }

        /**
         * Logs, for each second of the writing, the slowest delivery of the actions logged in it (from the answer) and
         * how many events arrived: whether slow deliveries come in bursts or pile up.
         */
        static void logTimeline(int feeds, Map<Long, long[]> written, List<SseSwarm.Arrival> arrivals, long start) {
            Map<Integer, long[]> perSecond = new java.util.TreeMap<>();
            for (SseSwarm.Arrival arrival : arrivals) {
                long[] action = written.get(arrival.action());
                if (action != null) {
                    long[] second =
                            perSecond.computeIfAbsent((int) ((action[1] - start) / 1_000_000_000L), s -> new long[2]);
                    second[0] = Math.max(second[0], (arrival.nanos() - action[2]) / 1_000_000);
                    second[1]++;
                }
            }
            StringBuilder line =
                    new StringBuilder("Slowest delivery per second of writing with " + feeds + " feeds (ms/events):");
            perSecond.forEach((second, worst) ->
                    line.append(' ').append(worst[0]).append('/').append(worst[1]));
            System.getLogger(LiveFeedBenchmark.class.getName()).log(System.Logger.Level.INFO, line.toString());
        }

        /** H2's count of each statement so far (empty on PostgreSQL). */
        Map<String, Long> eachStatement() throws Exception {
            HttpResponse<String> answer =
                    writerNode.send(HttpRequest.newBuilder(writerNode.url("api/bench/statements/each"))
                            .build());
            Map<String, Long> counts = new HashMap<>();
            if (answer.statusCode() == 200) {
                for (String line : answer.body().split("\n")) {
                    String[] parts = line.split("\t", 2);
                    if (parts.length == 2) {
                        counts.merge(parts[1], Long.parseLong(parts[0]), Long::sum);
                    }
                }
            }
            return counts;
        }

        /** Logs which statements ran while the feeds were idle, most frequent first: what the idle figure is made of. */
        static void logIdleStatements(int feeds, Map<String, Long> before, Map<String, Long> after) {
            StringBuilder lines = new StringBuilder("Statements while " + feeds + " feeds were idle:");
            after.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(12)
                    .forEach(e -> lines.append("\n  ")
                            .append(e.getValue())
                            .append("  ")
                            .append(e.getKey(), 0, Math.min(160, e.getKey().length())));
            System.getLogger(LiveFeedBenchmark.class.getName()).log(System.Logger.Level.INFO, lines.toString());
        }

        /** The CPU time the server has used, in clock ticks (1/100 s), from /proc; 0 when it cannot be found. */
        long serverCpuTicks() {
            try {
                Process ss = new ProcessBuilder("ss", "-Htlnp", "sport = :" + feedsNode.getPort())
                        .redirectErrorStream(true)
                        .start();
                String listing = new String(ss.getInputStream().readAllBytes());
                Matcher pid = PID.matcher(listing);
                if (!pid.find()) {
                    return 0;
                }
                String[] stat = Files.readString(Path.of("/proc", pid.group(1), "stat"))
                        .split("\\) ", 2)[1]
                        .split(" ");
                return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
            } catch (IOException e) {
                return 0;
            }
        }

        static void report(String label, List<String> rows) {
            StringBuilder table = new StringBuilder(
                    "\n### " + label + "\n\n| feeds | served | commit→delivery from the answer, p50 / p95 / p99"
                            + " | from sending, p50 / p95 / p99 | missing | repeated | idle statements | server CPU (of 200%) |"
                            + " others while one client stalls |\n|---:|---|---|---|---:|---:|---|---:|---|\n");
            rows.forEach(row -> table.append(row).append('\n'));
            System.out.println(table);
            try {
                Path out = Path.of(System.getProperty("actrack.bench.out", "target/live-feed-benchmark.md"));
                Files.writeString(out, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Latencies of one phase, in milliseconds, and what was missing or repeated. */
    static final class Result {
        final double[] fromAnswer;
        final double[] fromSend;
        final int missing;
        final int repeated;

        private Result(double[] fromAnswer, double[] fromSend, int missing, int repeated) {
            this.fromAnswer = fromAnswer;
            this.fromSend = fromSend;
            this.missing = missing;
            this.repeated = repeated;
        }

        /**
         * @param written per action: object, sent, answered
         * @param userOf the user of each connection (-1: a connection that is not counted)
         */
        static Result of(
                Map<Long, long[]> written,
                List<SseSwarm.Arrival> arrivals,
                List<Integer> userOf,
                Map<Integer, int[]> follows) {
            Map<Long, Map<Integer, Integer>> seen = new HashMap<>();
            List<Double> answer = new ArrayList<>();
            List<Double> send = new ArrayList<>();
            int repeated = 0;
            for (SseSwarm.Arrival arrival : arrivals) {
                long[] action = written.get(arrival.action());
                if (action == null || arrival.connection() >= userOf.size() || userOf.get(arrival.connection()) < 0) {
                    continue;
                }
                int times = seen.computeIfAbsent(arrival.action(), a -> new HashMap<>())
                        .merge(arrival.connection(), 1, Integer::sum);
                if (times > 1) {
                    repeated++;
                    continue;
                }
                answer.add(Math.max(0, arrival.nanos() - action[2]) / 1e6);
                send.add((arrival.nanos() - action[1]) / 1e6);
            }
            int missing = 0;
            for (Map.Entry<Long, long[]> action : written.entrySet()) {
                int object = (int) action.getValue()[0];
                Map<Integer, Integer> received = seen.getOrDefault(action.getKey(), Map.of());
                for (int c = 0; c < userOf.size(); c++) {
                    int user = userOf.get(c);
                    if (user >= 0
                            && Arrays.stream(follows.get(user)).anyMatch(o -> o == object)
                            && !received.containsKey(c)) {
                        missing++;
                    }
                }
            }
            return new Result(
                    answer.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                    send.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                    missing,
                    repeated);
        }

        double percentile(double p) {
            return at(fromAnswer, p);
        }

        double fromSend(double p) {
            return at(fromSend, p);
        }

        private static double at(double[] sorted, double p) {
            return sorted.length == 0
                    ? Double.NaN
                    : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }
}
