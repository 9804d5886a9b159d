/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import static org.actrack.Options.related;
import static org.actrack.Options.targets;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.LogOption;
import org.actrack.LogRequest;
import org.actrack.ObjectRef;
import org.actrack.Options;
import org.actrack.engine.Actrack;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.CountingDataSource;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.EntityManagerSource;

/**
 * Workload W1 of the write path: actrack's {@code log} and {@code logAll} against the best hand-written JDBC
 * ({@link RawJdbcWriter}) writing the same rows into the same tables, in the same run.
 *
 * <p>Transactions of {@value #TRANSACTION_SIZE} logs (an actor, one target, every 10th a related object),
 * once with no tracker and once with 100 followers whose whole-type trackers match every action. Each
 * measurement starts from empty action tables; the variants run round robin after a warm-up round. Printed:
 * a Markdown table with the median and p95 time of one transaction, throughput, statements sent per 100
 * logs (counted by the pooled {@link CountingDataSource} both sides use; a JDBC batch is one), and
 * throughput as a ratio of the raw JDBC one (1.00 = as fast as hand-written SQL).
 *
 * <p>Run by {@link Benchmarks}, which lists the properties. The provider batches JDBC inserts (size 1000), as
 * docs/guide.md advises for production.
 */
final class WriteBenchmark {

    static final int TRANSACTION_SIZE = 100;
    private static final int FOLLOWERS = 100;
    private static final String VERB = "edited";

    private final BenchUnit unit;
    private final CountingDataSource dataSource;
    private final EntityManagerFactory factory;
    private final int actionsPerMeasurement;
    private final int rounds;

    private EntityManager current;
    private ActionQueue currentQueue;
    private final org.actrack.engine.ActrackEngine log;
    /** The same log with the outbox on ({@code actrack.outbox=true}): every action also writes its CloudEvent row. */
    private final org.actrack.engine.ActrackEngine outboxLog;

    private final List<LogSpec> workload = new ArrayList<>();
    private final RawJdbcWriter rawWriter;

    WriteBenchmark(BenchUnit unit, int actions, int rounds) {
        this.unit = unit;
        this.actionsPerMeasurement = actions;
        this.rounds = rounds;
        this.dataSource = unit.dataSource();
        this.rawWriter = new RawJdbcWriter(dataSource, unit.database());
        this.factory = unit.factory();
        EntityManagerSource threadsEntityManager = new EntityManagerSource() {
            @Override
            public <T> T withEntityManager(String persistenceUnit, Function<EntityManager, T> work) {
                return work.apply(current);
            }
        };
        this.log = Actrack.builder()
                .entityManagerSource(threadsEntityManager)
                .settings(ActrackSettings.defaults())
                .clock(Clock.systemUTC())
                .queues(() -> currentQueue)
                .buildEngine();
        this.outboxLog = Actrack.builder()
                .entityManagerSource(threadsEntityManager)
                .settings(ActrackSettings.builder().outbox(true).build())
                .clock(Clock.systemUTC())
                .queues(() -> currentQueue)
                .buildEngine();
    }

    /** Measures both shapes and returns the Markdown table. */
    String run() throws Exception {
        ActionLog setup = Actrack.builder().entityManagerFactory(factory).build();
        List<User> actors = unit.persistAll(100, i -> new User("actor " + i));
        List<Project> projects = unit.persistAll(100, i -> new Project("project " + i));
        List<Task> tasks = unit.persistAll(10, i -> new Task("task " + i, projects.get(i)));
        for (int i = 0; i < actionsPerMeasurement; i++) {
            User actor = actors.get(i % actors.size());
            Project project = projects.get((i * 7) % projects.size());
            Task task = i % 10 == 0 ? tasks.get((i / 10) % tasks.size()) : null;
            workload.add(new LogSpec(
                    actor,
                    ObjectRef.of("User", actor.getId().toString()),
                    project,
                    ObjectRef.of("Project", project.getId().toString()),
                    task,
                    task == null ? null : ObjectRef.of("Task", task.getId().toString())));
        }
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "%n## W1 on %s with %s: %,d actions per measurement, transactions of %d logs," + " %d rounds%n%n",
                unit.database(),
                unit.provider(),
                actionsPerMeasurement,
                TRANSACTION_SIZE,
                rounds));
        report.append(
                "| shape | variant | median ms / 100 logs | p95 ms | logs/s | statements / 100 logs | throughput vs raw JDBC |\n");
        report.append("|---|---|---:|---:|---:|---:|---:|\n");
        measureShape("no tracker", report);
        List<User> followers = unit.persistAll(FOLLOWERS, i -> new User("follower " + i));
        followers.forEach(follower -> setup.track(follower, Project.class, Options.actorOnly(false)));
        measureShape(FOLLOWERS + " followers", report);
        return report.toString();
    }

    private void measureShape(String shape, StringBuilder report) throws Exception {
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("raw JDBC", this::writeRaw);
        variants.put("actrack log", this::writeWithLog);
        variants.put("actrack logAll", this::writeWithLogAll);
        variants.put("actrack logAll, outbox on", this::writeWithLogAllAndOutbox);
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        variants.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        for (int round = 0; round <= rounds; round++) {
            Map<String, Measurement> measured = measureInTurn(variants);
            if (round > 0) {
                measured.forEach((name, measurement) -> results.get(name).add(measurement));
            }
        }
        double rawThroughput = Measurement.throughput(results.get("raw JDBC"));
        results.forEach((name, measurements) -> {
            double throughput = Measurement.throughput(measurements);
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.1f | %.1f | %,.0f | %.1f | %.2f× |%n",
                    shape,
                    name,
                    Measurement.medianMillis(measurements),
                    Measurement.p95Millis(measurements),
                    throughput,
                    Measurement.statementsPer100(measurements),
                    throughput / rawThroughput));
        });
    }

    /**
     * One round: every variant writes the whole workload, a transaction of each in turn, starting with a different
     * variant each time, into tables emptied once for the round. A variant measured as a block after another drifted
     * with the machine (on this shared 2-core machine W1's ratios moved by ±0.15 between runs of the same code); in
     * turn, each transaction of one variant has a transaction of the others beside it, against tables of the same size.
     */
    private Map<String, Measurement> measureInTurn(Map<String, Variant> variants) throws Exception {
        emptyActionTables();
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, Long> statements = new LinkedHashMap<>();
        names.forEach(name -> {
            nanos.put(name, new ArrayList<>());
            statements.put(name, 0L);
        });
        int transaction = 0;
        for (int from = 0; from < workload.size(); from += TRANSACTION_SIZE, transaction++) {
            List<LogSpec> batch = workload.subList(from, Math.min(workload.size(), from + TRANSACTION_SIZE));
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((transaction + i) % names.size());
                long statementsBefore = dataSource.executions();
                long start = System.nanoTime();
                variants.get(name).write(batch);
                nanos.get(name).add(System.nanoTime() - start);
                statements.merge(name, dataSource.executions() - statementsBefore, Long::sum);
            }
        }
        Map<String, Measurement> measured = new LinkedHashMap<>();
        names.forEach(
                name -> measured.put(name, new Measurement(nanos.get(name), workload.size(), statements.get(name))));
        return measured;
    }

    private void writeRaw(List<LogSpec> batch) throws SQLException {
        rawWriter.write(batch, VERB, ActrackSettings.defaults().defaultLevel(), java.time.Instant.now());
    }

    private void writeWithLog(List<LogSpec> batch) {
        inTransaction(log, () -> batch.forEach(action -> log.log(action.actor(), VERB, options(action))));
    }

    private void writeWithLogAll(List<LogSpec> batch) {
        List<LogRequest> requests = batch.stream()
                .map(action -> LogRequest.of(action.actor(), VERB, options(action)))
                .toList();
        inTransaction(log, () -> log.logAll(requests));
    }

    private void writeWithLogAllAndOutbox(List<LogSpec> batch) {
        List<LogRequest> requests = batch.stream()
                .map(action -> LogRequest.of(action.actor(), VERB, options(action)))
                .toList();
        inTransaction(outboxLog, () -> outboxLog.logAll(requests));
    }

    private static LogOption[] options(LogSpec action) {
        return action.related() == null
                ? new LogOption[] {targets(action.target())}
                : new LogOption[] {targets(action.target()), related(action.related())};
    }

    private void inTransaction(org.actrack.engine.ActrackEngine engine, Runnable work) {
        current = factory.createEntityManager();
        // As actrack-cdi binds a JTA transaction's queue: unread marks written once, before the commit.
        currentQueue = ActionQueue.forTransactionWithCommitHook();
        try {
            current.getTransaction().begin();
            work.run();
            engine.beforeCommit(currentQueue);
            current.getTransaction().commit();
        } finally {
            if (current.getTransaction().isActive()) {
                current.getTransaction().rollback();
            }
            current.close();
            current = null;
            currentQueue = null;
        }
    }

    /** Empties the tables actions are written to, so that every measurement starts alike. */
    private void emptyActionTables() throws SQLException {
        List<String> tables = List.of("actrack_unread", "actrack_action_ref", "actrack_action", "actrack_outbox");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            switch (unit.database()) {
                case "postgresql" -> statement.execute("TRUNCATE " + String.join(", ", tables));
                case "mariadb" -> {
                    statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                    for (String table : tables) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                    statement.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
                default -> {
                    statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                    for (String table : tables) {
                        statement.execute("TRUNCATE TABLE " + table);
                    }
                    statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
        }
    }

    @FunctionalInterface
    private interface Variant {
        void write(List<LogSpec> batch) throws Exception;
    }

    /** One measurement: the time of each transaction, the logs written and the statements sent. */
    private record Measurement(List<Long> transactionNanos, int logs, long statements) {

        static double throughput(List<Measurement> measurements) {
            return measurements.stream()
                    .mapToDouble(m -> m.logs()
                            * 1e9
                            / m.transactionNanos().stream()
                                    .mapToLong(Long::longValue)
                                    .sum())
                    .sorted()
                    .skip(measurements.size() / 2)
                    .findFirst()
                    .orElse(0);
        }

        static double medianMillis(List<Measurement> measurements) {
            return allTransactions(measurements).medianMillis();
        }

        static double p95Millis(List<Measurement> measurements) {
            return allTransactions(measurements).p95Millis();
        }

        static double statementsPer100(List<Measurement> measurements) {
            return measurements.stream()
                    .mapToDouble(m -> m.statements() * 100.0 / m.logs())
                    .average()
                    .orElse(0);
        }

        private static Timings allTransactions(List<Measurement> measurements) {
            return Timings.of(measurements.stream()
                    .flatMap(m -> m.transactionNanos().stream())
                    .toList());
        }
    }
}
