/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The one place where actrack says something differently to each database. Everything else it sends is
 * JPQL or portable SQL ({@code INSERT … SELECT}, {@code SELECT … FOR UPDATE}, correlated {@code NOT EXISTS}).
 *
 * <p>What differs: a statement that inserts a row if it is missing and leaves it locked by the transaction
 * either way, without failing when a concurrent transaction inserts the same key (that would abort the
 * whole transaction on PostgreSQL), used to serialise the tracker changes of one user; how a sub-select
 * share-locks the trackers it reads; and how a list of values is bound as one parameter: an array where the
 * database has arrays, a JSON array read by {@code JSON_TABLE} on MariaDB. A feed of a thousand trackers then
 * sends one short statement the driver can prepare once, instead of a thousand placeholders the database parses
 * and plans at every page (and that EclipseLink binds in time quadratic in their number).
 */
public enum SqlDialect {
    /** PostgreSQL: {@code INSERT … ON CONFLICT … DO UPDATE} locks the row it finds. */
    POSTGRESQL(
            "INSERT INTO actrack_tracker_owner (owner_key, changed_at) VALUES %s"
                    + " ON CONFLICT (owner_key) DO UPDATE SET changed_at = EXCLUDED.changed_at",
            " FOR SHARE OF t", true),
    /**
     * MariaDB and MySQL: {@code INSERT … ON DUPLICATE KEY UPDATE} takes an exclusive lock on the duplicate;
     * {@code INSERT … SELECT} share-locks the rows it reads by itself (at the default REPEATABLE READ).
     */
    MARIADB(
            "INSERT INTO actrack_tracker_owner (owner_key, changed_at) VALUES %s"
                    + " ON DUPLICATE KEY UPDATE changed_at = VALUES(changed_at)",
            "", false),
    /** H2: {@code MERGE … KEY} updates the row it finds, which locks it; H2 has no shared row locks. */
    H2("MERGE INTO actrack_tracker_owner (owner_key, changed_at) KEY (owner_key) VALUES %s", " FOR UPDATE", true);

    /** The longest list bound as placeholders where the database has no arrays. */
    public static final int MAX_PLACEHOLDERS = 200;

    private final String lockOwnerSql;
    private final String lockReadSuffix;
    private final boolean arrays;

    SqlDialect(String lockOwnerSql, String lockReadSuffix, boolean arrays) {
        this.lockOwnerSql = lockOwnerSql;
        this.lockReadSuffix = lockReadSuffix;
        this.arrays = arrays;
    }

    /**
     * The condition that {@code column} (a character column of at most 255 characters) is one of {@code values},
     * for a native query with positional {@code ?} parameters, whose one value is appended to
     * {@code parameters}: {@code column = ANY(?)} with a {@code String[]} (PostgreSQL, H2). MariaDB 10.6+ and
     * MySQL 8 have no arrays: up to {@value #MAX_PLACEHOLDERS} values are an {@code IN} list of placeholders (its
     * optimiser plans a short list best: a hundred actor-only keys read 5× faster than through {@code JSON_TABLE}),
     * more are {@code column IN (SELECT … FROM JSON_TABLE(?, …))} with the values as one JSON array (as fast as
     * the list for a thousand keys, without EclipseLink's quadratic binding of a thousand parameters).
     */
    public String oneOf(String column, List<String> values, List<Object> parameters) {
        if (!arrays && values.size() > MAX_PLACEHOLDERS) {
            parameters.add(jsonArray(values));
            return column + " IN (SELECT listed.v FROM JSON_TABLE(?, '$[*]' COLUMNS (v VARCHAR(255) PATH '$')) listed)";
        }
        return listed(column, values, String[]::new, parameters);
    }

    /**
     * The condition that {@code column} (a numeric column) is one of {@code ids}, appending the parameters:
     * {@code column = ANY(?)} with a {@code Long[]} where the database has arrays, an {@code IN} list of
     * placeholders elsewhere (a page has at most a thousand ids).
     */
    public String oneOfIds(String column, List<Long> ids, List<Object> parameters) {
        return listed(column, ids, Long[]::new, parameters);
    }

    private <T> String listed(String column, List<T> values, IntFunction<T[]> arrayOf, List<Object> parameters) {
        if (values.size() == 1) {
            parameters.add(values.get(0));
            return column + " = ?";
        }
        if (arrays) {
            parameters.add(values.toArray(arrayOf));
            return column + " = ANY(?)";
        }
        parameters.addAll(values);
        return column + " IN (" + "?, ".repeat(values.size() - 1) + "?)";
    }

    /** The values as a JSON array of strings (RFC 8259 escaping: quote, backslash, control characters). */
    public static String jsonArray(List<String> values) {
        StringBuilder json = new StringBuilder(values.size() * 16).append('[');
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }

    /**
     * A timestamp parameter in a select list ({@code INSERT … SELECT …, ?}), cast to the column's type: PostgreSQL
     * types an untyped parameter there as text, which a timestamp column refuses.
     */
    public String timestampParameter(String placeholder) {
        return this == MARIADB ? "CAST(" + placeholder + " AS DATETIME(6))" : "CAST(" + placeholder + " AS TIMESTAMP)";
    }

    /**
     * The number of the {@code seconds}-long time bucket from the epoch that a timestamp column (which holds UTC) falls
     * into, as a whole number: what read-time groups share. Each database counts seconds and divides whole numbers its
     * own way; none of the three takes another's.
     */
    public String epochBucket(String column, int seconds) {
        return switch (this) {
            case POSTGRESQL -> "CAST(FLOOR(EXTRACT(EPOCH FROM " + column + ")) AS BIGINT) / " + seconds;
            case MARIADB -> "TIMESTAMPDIFF(SECOND, TIMESTAMP '1970-01-01 00:00:00', " + column + ") DIV " + seconds;
            case H2 -> "DATEDIFF(SECOND, TIMESTAMP '1970-01-01 00:00:00', " + column + ") / " + seconds;
        };
    }

    /**
     * An {@code INSERT} of one row that inserts nothing when it would repeat a unique key: {@code ON CONFLICT DO
     * NOTHING} on PostgreSQL, {@code INSERT IGNORE} on MariaDB (both wait for a transaction inserting the same key, then
     * insert nothing if it committed), and on H2, which has neither, {@code INSERT … SELECT} of the values where no row
     * has the key. Its update count says whether the row went in.
     *
     * @param table the table
     * @param columns the columns, bound to {@code ?1 … ?n} in their order
     * @param types the columns' SQL types (H2 casts the values to them)
     * @param keys the columns of the unique key, among {@code columns}
     */
    public String insertUnlessPresent(String table, List<String> columns, List<String> types, String... keys) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append(this == H2 ? "CAST(?" + (i + 1) + " AS " + types.get(i) + ")" : "?" + (i + 1));
        }
        String into = table + " (" + String.join(", ", columns) + ")";
        return switch (this) {
            case POSTGRESQL -> "INSERT INTO " + into + " VALUES (" + values + ") ON CONFLICT DO NOTHING";
            case MARIADB -> "INSERT IGNORE INTO " + into + " VALUES (" + values + ")";
            case H2 ->
                "INSERT INTO " + into + " SELECT * FROM (VALUES (" + values + ")) v WHERE NOT EXISTS (SELECT 1 FROM "
                        + table + " WHERE "
                        + java.util.Arrays.stream(keys)
                                .map(key -> key + " = ?" + (columns.indexOf(key) + 1))
                                .collect(java.util.stream.Collectors.joining(" AND "))
                        + ")";
        };
    }

    /**
     * What makes a {@code SELECT} join its tables in the order they are written: {@code STRAIGHT_JOIN} on MariaDB,
     * nothing elsewhere. For the users' unread-by-position pairs, read from a few users' trackers: MariaDB otherwise
     * starts from an object's references and reads every tracker of the object (10,000 followers) for each, then keeps
     * the few users' (W7: 500 users' counts in 120 ms in the written order, 1,273 ms in its own, on one day's machine);
     * PostgreSQL and H2 choose well.
     */
    public String inWrittenOrder() {
        return this == MARIADB ? "STRAIGHT_JOIN " : "";
    }

    /**
     * A table reference that walks {@code index} ({@code table alias FORCE INDEX (index)} on MariaDB, the reference
     * alone elsewhere): for a query ordered by the index's columns with a {@code LIMIT} and a dependent sub-select in
     * its condition, which MariaDB otherwise evaluates for every row of the table before it sorts (the outbox relay's
     * due events: 0.5 s instead of 25 ms with 20,000 waiting). PostgreSQL and H2 walk the index by themselves.
     */
    public String walking(String table, String alias, String index) {
        return table + " " + alias + (this == MARIADB ? " FORCE INDEX (" + index + ")" : "");
    }

    /**
     * Whether the driver takes {@code INSERT … SELECT} statements in a JDBC batch: not MariaDB Connector/J, whose bulk
     * protocol (on by default) refuses them.
     */
    public boolean batchesInsertSelect() {
        return this != MARIADB;
    }

    /**
     * {@code select} of trackers aliased {@code t} (a derived table of {@code INSERT … SELECT}) made to lock the rows
     * it reads until the transaction ends, in the order of their ids as {@code track} and {@code untrack} lock them, so
     * that a concurrent change of those rows waits for this transaction, or this one for it, never both: the unread
     * marks of a new action never match a tracker an untrack is deleting at the same time.
     */
    public String lockingRead(String select) {
        return select + " ORDER BY t.id" + lockReadSuffix;
    }

    /** The statement that takes the next value of {@code sequence} (a name of actrack's own, never input). */
    public String nextValue(String sequence) {
        return this == POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }

    /**
     * Sends {@code payload} on {@code channel} when the transaction commits: {@code pg_notify} on PostgreSQL, nothing
     * elsewhere (MariaDB and H2 have no notifications).
     */
    public void notify(EntityManager em, String channel, String payload) {
        if (this == POSTGRESQL) {
            em.createNativeQuery("SELECT pg_notify(?1, ?2)")
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter(1, channel)
                    .setParameter(2, payload)
                    .getResultList();
        }
    }

    /**
     * Inserts the tracker owner row of {@code ownerKey} if missing, and locks it until the transaction ends, stamping
     * it changed at {@code now}.
     */
    public void lockTrackerOwner(EntityManager em, String ownerKey, Instant now) {
        lockTrackerOwners(em, List.of(ownerKey), now);
    }

    /**
     * {@link #lockTrackerOwner} for several users in one statement, in the order of their keys: two calls lock the
     * rows they share in the same order, and so never wait for each other in a cycle.
     */
    public void lockTrackerOwners(EntityManager em, Collection<String> ownerKeys, Instant now) {
        List<String> keys = ownerKeys.stream().distinct().sorted().toList();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            rows.append(i == 0 ? "" : ", ")
                    .append("(?")
                    .append(2 * i + 1)
                    .append(", ?")
                    .append(2 * i + 2)
                    .append(')');
        }
        Query lock = em.createNativeQuery(String.format(lockOwnerSql, rows)).setFlushMode(FlushModeType.COMMIT);
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        for (int i = 0; i < keys.size(); i++) {
            lock.setParameter(2 * i + 1, keys.get(i)).setParameter(2 * i + 2, at);
        }
        lock.executeUpdate();
    }

    /**
     * Recognises the database of each persistence unit once, by the schemas it lists (a query every one of
     * them answers): PostgreSQL has {@code pg_catalog}, H2 names its catalog schema in capitals, MariaDB and
     * MySQL in small letters.
     */
    public static final class Detection {
        private final Map<EntityManagerFactory, SqlDialect> known = new ConcurrentHashMap<>();

        public SqlDialect of(EntityManager em) {
            return known.computeIfAbsent(em.getEntityManagerFactory(), factory -> detect(em));
        }

        private static SqlDialect detect(EntityManager em) {
            @SuppressWarnings("unchecked")
            List<Object> schemas = em.createNativeQuery("SELECT schema_name FROM information_schema.schemata")
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultList();
            if (schemas.stream().anyMatch(name -> "pg_catalog".equalsIgnoreCase(String.valueOf(name)))) {
                return POSTGRESQL;
            }
            if (schemas.stream().anyMatch(name -> "INFORMATION_SCHEMA".equals(String.valueOf(name)))) {
                return H2;
            }
            return MARIADB;
        }
    }
}
