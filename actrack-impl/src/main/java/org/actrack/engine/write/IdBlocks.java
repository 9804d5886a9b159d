/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.write;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.actrack.engine.sql.ProviderHooks;
import org.actrack.engine.sql.SqlDialect;

/**
 * Ids for the action and reference rows actrack writes with JDBC ({@link ActionWriter}), taken from the sequences the
 * JPA providers take them from, a block per sequence value, as the providers do: the sequences increment by the
 * entities' allocation sizes and a value is the top of its block (see the migrations), so the blocks of actrack and of
 * a provider never overlap, in one node or several. A block is handed out in order, so the rows of one transaction
 * have increasing ids in the order they were logged. Thread-safe; one set of blocks per persistence unit, kept weakly.
 */
public final class IdBlocks {

    /** A sequence of actrack's and its increment, which is the block size. */
    enum Sequence {
        ACTIONS("actrack_action_seq", 100),
        REFERENCES("actrack_action_ref_seq", 300);

        final String sequence;
        final int blockSize;

        Sequence(String sequence, int blockSize) {
            this.sequence = sequence;
            this.blockSize = blockSize;
        }
    }

    private final SqlDialect.Detection dialects;
    private final ProviderHooks provider;
    private final Map<EntityManagerFactory, Block[]> units = Collections.synchronizedMap(new WeakHashMap<>());

    public IdBlocks(SqlDialect.Detection dialects, ProviderHooks provider) {
        this.dialects = dialects;
        this.provider = provider;
    }

    /** The next id of {@code sequence} in {@code em}'s persistence unit; reads the sequence once per block. */
    long next(EntityManager em, Sequence sequence) {
        Block[] blocks = units.computeIfAbsent(em.getEntityManagerFactory(), factory -> {
            Block[] all = new Block[Sequence.values().length];
            for (Sequence each : Sequence.values()) {
                all[each.ordinal()] = new Block();
            }
            return all;
        });
        return blocks[sequence.ordinal()].next(() -> top(em, sequence), sequence.blockSize);
    }

    private long top(EntityManager em, Sequence sequence) {
        List<Object[]> rows = provider.nativeRows(em, dialects.of(em).nextValue(sequence.sequence), List.of());
        return ((Number) rows.get(0)[0]).longValue();
    }

    /** The ids left of one block: {@code next} up to {@code last}. */
    private static final class Block {
        private long next = 1;
        private long last;

        synchronized long next(java.util.function.LongSupplier top, int size) {
            if (next > last) {
                last = top.getAsLong();
                // A sequence that starts low (Hibernate ORM creates them at 1) gives a first block cut at 1: ids are
                // positive, and still within the block of this one value, whoever holds the next.
                next = Math.max(1, last - size + 1);
            }
            return next++;
        }
    }
}
