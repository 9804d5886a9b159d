/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.rest;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.Trains;

/**
 * The server side of the live-feed benchmark ({@code LiveFeedBenchmark}): the readers and what they follow, actions
 * logged one per request by the application's own transaction, and the database's statement counter.
 */
@Path("bench")
@ApplicationScoped
public class LiveBench {

    @Inject
    Trains trains;

    @Inject
    ActionLog log;

    @PersistenceContext
    EntityManager em;

    private final List<Train> objects = new ArrayList<>();
    private Member driver;

    /**
     * Creates the objects and the readers with their trackers, from a plan of lines {@code reader-7 3 14 22 30 41}
     * (a reader and the indexes of the objects it follows, every role); a reader already made is left as it is.
     *
     * @return how many objects there are
     */
    @POST
    @Path("setup/{objects}")
    @Consumes(MediaType.TEXT_PLAIN)
    public synchronized String setup(@PathParam("objects") int count, String plan) {
        if (driver == null) {
            driver = trains.create(new Member("bench-driver"));
        }
        while (objects.size() < count) {
            objects.add(trains.create(new Train("object-" + objects.size())));
        }
        for (String line : plan.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split(" ");
            Member reader = existing(words[0]);
            if (reader == null) {
                reader = trains.create(new Member(words[0]));
                List<Train> followed = new ArrayList<>();
                for (int i = 1; i < words.length; i++) {
                    followed.add(objects.get(Integer.parseInt(words[i])));
                }
                log.track(reader, followed, actorOnly(false));
            }
        }
        return Integer.toString(objects.size());
    }

    /**
     * Logs one action of the driver about an object, in a transaction of its own that has committed when the answer
     * leaves (one writer per object: the object's newest action is the one logged), with {@code padding} characters
     * of data when asked.
     *
     * @return the action's id
     */
    @POST
    @Path("log/{object}")
    @Produces(MediaType.TEXT_PLAIN)
    public String logAbout(@PathParam("object") int object, @jakarta.ws.rs.QueryParam("padding") int padding) {
        Train train = objects.get(object);
        if (padding > 0) {
            trains.log(driver, "moved", targets(train), org.actrack.Options.data("padding", "x".repeat(padding)));
        } else {
            trains.log(driver, "moved", targets(train));
        }
        return Long.toString(log.actions(train).asTarget().list(1).get(0).id());
    }

    /**
     * The statements the database has run so far: H2's own count of executed statements; on PostgreSQL, the scans of
     * actrack's tables and the transactions (every statement that reads actrack's tables starts a scan).
     */
    @GET
    @Path("statements")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String statements() {
        if (database().equals("postgresql")) {
            em.createNativeQuery("SELECT pg_stat_clear_snapshot()").getResultList();
            Number scans = (Number) em.createNativeQuery(
                            "SELECT COALESCE(SUM(seq_scan + COALESCE(idx_scan, 0)), 0) FROM pg_stat_user_tables"
                                    + " WHERE relname LIKE 'actrack%'")
                    .getSingleResult();
            Number transactions =
                    (Number) em.createNativeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database"
                                    + " WHERE datname = current_database()")
                            .getSingleResult();
            return "postgresql " + scans.longValue() + " " + transactions.longValue();
        }
        em.createNativeQuery("SET QUERY_STATISTICS_MAX_ENTRIES 100000").executeUpdate();
        em.createNativeQuery("SET QUERY_STATISTICS TRUE").executeUpdate();
        Number executed = (Number) em.createNativeQuery(
                        "SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
                .getSingleResult();
        return "h2 " + executed.longValue() + " 0";
    }

    /**
     * H2's statements with how often each ran so far, one per line ({@code count<TAB>sql}): what the benchmark
     * reports as the idle statements. Empty on PostgreSQL.
     */
    @GET
    @Path("statements/each")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String eachStatement() {
        if (database().equals("postgresql")) {
            return "";
        }
        StringBuilder lines = new StringBuilder();
        for (Object row : em.createNativeQuery(
                        "SELECT EXECUTION_COUNT, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            lines.append(columns[0])
                    .append('\t')
                    .append(String.valueOf(columns[1]).replace('\n', ' '))
                    .append('\n');
        }
        return lines.toString();
    }

    private String database() {
        List<?> schemas = em.createNativeQuery("SELECT schema_name FROM information_schema.schemata")
                .getResultList();
        return schemas.stream().anyMatch(name -> "pg_catalog".equalsIgnoreCase(String.valueOf(name)))
                ? "postgresql"
                : "h2";
    }

    private Member existing(String name) {
        List<Member> found = em.createQuery("SELECT m FROM Member m WHERE m.name = :name", Member.class)
                .setParameter("name", name)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }
}
