/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActionQuery;
import org.actrack.ActrackSettings;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.Task;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.TestClock;
import org.actrack.engine.testing.TestDatabase;
import org.actrack.engine.testing.TestDatabaseExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every behavioural suite: a clean database (H2, PostgreSQL or MariaDB, see
 * {@link TestDatabase}), a test clock, and an {@link ActionLog} built by {@link #createLog} with the engine's
 * builder. The same classes run on each database and on both providers ({@code -Phibernate}); the CDI module does
 * not subclass them: its own suites (Weld SE and Narayana) check what the integration adds, and actrack-it the
 * containers'. {@link #createLog} is the one place a subclass would change to run these scenarios elsewhere.
 */
@ExtendWith(TestDatabaseExtension.class)
public abstract class ActrackContractTest {

    protected static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    protected TestDatabase database;
    protected TestClock clock;
    protected ActionLog log;

    @BeforeEach
    void openCleanDatabase(TestDatabase testDatabase) {
        database = testDatabase;
        database.clean();
        clock = new TestClock(START);
        log = createLog(database.factory(), settings(), clock);
    }

    /** The settings of this suite; the defaults unless overridden. */
    protected ActrackSettings settings() {
        return ActrackSettings.defaults();
    }

    /** The log under test. */
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return Actrack.builder()
                .entityManagerFactory(factory)
                .settings(settings)
                .clock(testClock)
                .build();
    }

    protected User user(String name) {
        return persist(new User(name));
    }

    protected Project project(String name) {
        return persist(new Project(name));
    }

    protected Task task(String name, Project project) {
        return persist(new Task(name, project));
    }

    protected <T> T persist(T entity) {
        inTransaction(em -> em.persist(entity));
        return entity;
    }

    protected void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = database.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    protected <T> T read(Function<EntityManager, T> work) {
        EntityManager em = database.factory().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Rows in one of actrack's tables, counted in SQL. */
    protected long rows(String table) {
        return read(em ->
                ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
    }

    /** Every stored action row and tracker row: what "nothing was written" is checked against. */
    protected long storedRows() {
        return rows("actrack_action")
                + rows("actrack_action_ref")
                + rows("actrack_tracker")
                + rows("actrack_tracker_verb")
                + rows("actrack_unread")
                + rows("actrack_broadcast")
                + rows("actrack_read_mark")
                + rows("actrack_deleted_item");
    }

    /** All actions of a query, following the cursors. */
    protected static List<Action> everything(ActionQuery query) {
        return query.list(1000);
    }

    /**
     * Runs the outbox relay ({@code actrack.outbox=true}) into {@code exporter} until a round finds nothing due, each
     * round in this thread without a transaction manager; fails on a round whose export failed.
     *
     * @return how many events were delivered
     */
    protected int relayUntilIdle(org.actrack.spi.ActionExporter exporter) {
        org.actrack.engine.write.OutboxRelay relay = ((ActrackEngine) log).outboxRelay();
        int delivered = 0;
        org.actrack.engine.write.OutboxRelay.Round round;
        do {
            round = relay.relayOnce("node", exporter, java.util.function.Supplier::get);
            if (round.failure() != null) {
                throw new AssertionError("the exporter failed", round.failure());
            }
            delivered += round.delivered().size();
        } while (!round.idle());
        return delivered;
    }
}
