/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.actrack.engine.testing.TestDatabase;

/**
 * Runs actrack's benchmarks and writes their tables: W1 the write path ({@link WriteBenchmark}), W2–W5 the reads
 * ({@link ReadBenchmark}), each against the best hand-written SQL measured in the same run, and W6 actrack's
 * statements against each other ({@link ContentionBenchmark}), W7 (on request) an object with many followers, its
 * unread state by marks or by position ({@link BroadcastBenchmark}), W8 (on request, PostgreSQL) pruning a day from
 * tables partitioned by time ({@link PruneBenchmark}). Speed is measured
 * here, never asserted: nothing fails because a figure is slow.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl actrack-bench -am -Pbenchmarks                  # PostgreSQL, EclipseLink
 * mvn -B -q package -DskipTests -pl actrack-bench -am -Pbenchmarks -Phibernate -Dactrack.test.db=mariadb
 * </pre>
 *
 * <p>Properties:
 * <ul>
 * <li>{@code actrack.test.db}: {@code postgresql} (the default here), {@code mariadb} or {@code h2}, the servers
 * of the test suites ({@code actrack.test.jdbc.url}, {@code .user}, {@code .password} to point elsewhere). The
 * tables are dropped and created: use a database of its own.</li>
 * <li>{@code actrack.bench.provider}: {@code eclipselink} (default) or {@code hibernate} (set by {@code -Phibernate}).</li>
 * <li>{@code actrack.bench.workloads}: {@code write}, {@code read}, {@code contention}, {@code broadcast}, {@code prune}
 * or a list of them (default {@code write,read,contention}).</li>
 * <li>{@code actrack.bench.logs} (W1, logs per measurement, default 10,000), {@code actrack.bench.rounds} (W1,
 * measured rounds, default 3), {@code actrack.bench.actions} (W2–W5, actions generated, default 1,000,000),
 * {@code actrack.bench.samples} (W2–W5, the least measured calls per variant, default 100),
 * {@code actrack.bench.measure-seconds} (W2–W5, the least time quick calls are measured, up to 20 times the samples,
 * default 3), {@code actrack.bench.warmup-seconds} (W2–W5, the least time each workload warms up, default 5),
 * {@code actrack.bench.contention-seconds} (W6, the time of each row, default 30), {@code actrack.bench.followers}
 * (W7, the followers of the object, default 10,000), {@code actrack.bench.actions-per-day} (W8, default 100,000).</li>
 * <li>While working on actrack: {@code actrack.bench.only} (run only the W2–W5 workloads whose name contains
 * it, for example {@code W3}) and {@code actrack.bench.keep-data=true} (read the data of the previous run of
 * the same size instead of generating it).</li>
 * <li>{@code actrack.bench.results}: the folder the results file is written to (the module's {@code results}
 * folder by the POM), as {@code <database>-<provider>.md} with the date, the machine and the versions.</li>
 * </ul>
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("actrack.test.db") == null) {
            System.setProperty("actrack.test.db", "postgresql");
        }
        Set<String> workloads = Set.of(System.getProperty("actrack.bench.workloads", "write,read,contention")
                .split(","));
        StringBuilder tables = new StringBuilder();
        String header = null;
        if (workloads.contains("write")) {
            try (BenchUnit unit = BenchUnit.fromSystemProperties()) {
                header = header(unit);
                tables.append(new WriteBenchmark(
                                unit,
                                Integer.getInteger("actrack.bench.logs", 10_000),
                                Integer.getInteger("actrack.bench.rounds", 3))
                        .run());
            }
        }
        if (workloads.contains("read")) {
            try (BenchUnit unit = BenchUnit.fromSystemProperties()) {
                header = header(unit);
                tables.append(new ReadBenchmark(
                                unit,
                                Integer.getInteger("actrack.bench.actions", 1_000_000),
                                Integer.getInteger("actrack.bench.samples", 100))
                        .run());
            }
        }
        if (workloads.contains("contention")) {
            try (BenchUnit unit = BenchUnit.fromSystemProperties()) {
                header = header(unit);
                tables.append(new ContentionBenchmark(unit, Integer.getInteger("actrack.bench.contention-seconds", 30))
                        .run());
            }
        }
        if (workloads.contains("broadcast")) {
            try (BenchUnit unit = BenchUnit.fromSystemProperties()) {
                header = header(unit);
                tables.append(
                        new BroadcastBenchmark(unit, Integer.getInteger("actrack.bench.followers", 10_000)).run());
            }
        }
        if (workloads.contains("prune")) {
            try (BenchUnit unit = BenchUnit.fromSystemProperties()) {
                header = header(unit);
                tables.append(new PruneBenchmark(
                                TestDatabase.Target.fromSystemProperties(),
                                Integer.getInteger("actrack.bench.actions-per-day", 100_000))
                        .run());
            }
        }
        if (header == null) {
            throw new IllegalArgumentException("actrack.bench.workloads names no workload; use write, read, contention,"
                    + " broadcast, prune or a list of them");
        }
        String results = header + tables;
        System.out.println(results);
        String folder = System.getProperty("actrack.bench.results");
        if (folder != null && !folder.isBlank()) {
            String database = System.getProperty("actrack.test.db");
            Path file = Path.of(
                    folder, database + "-" + System.getProperty("actrack.bench.provider", "eclipselink") + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, results, StandardCharsets.UTF_8);
            System.out.println("Written to " + file.toAbsolutePath().normalize());
        }
    }

    /** When, where and with what the figures were measured. */
    private static String header(BenchUnit unit) throws SQLException, IOException {
        String database;
        String driver;
        try (Connection connection = unit.dataSource().getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            database = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            driver = meta.getDriverName() + " " + meta.getDriverVersion();
        }
        return String.format(
                Locale.ROOT,
                "# actrack benchmarks%n%n- date: %s%n- machine: %s, %d cores, %s %s (%s)%n"
                        + "- Java: %s (%s)%n- database: %s; JDBC driver: %s%n- JPA provider: %s%n%n",
                ZonedDateTime.now(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                                .substring(0, 16) + " UTC",
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                database,
                driver,
                providerVersion(unit.provider()));
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return "unknown CPU";
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .orElse("unknown CPU");
        }
    }

    private static String providerVersion(String provider) {
        List<String> names = provider.equals("hibernate")
                ? List.of("org.hibernate.Version", "getVersionString")
                : List.of("org.eclipse.persistence.Version", "getVersion");
        try {
            return provider + " "
                    + Class.forName(names.get(0)).getMethod(names.get(1)).invoke(null);
        } catch (ReflectiveOperationException unknown) {
            return provider;
        }
    }
}
