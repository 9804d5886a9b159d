/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a read in one transaction: a page (its actions, their unread state and their texts) or a live feed's round.
 * One transaction gives the read one persistence context, so entities the handlers reach lazily while rendering are
 * still loadable (Hibernate), and a server's transaction-scoped entity manager stays open for the whole read (Payara
 * closes one used outside a transaction on a managed thread).
 */
@ApplicationScoped
class ReadTransaction {

    @Transactional
    <T> T read(Supplier<T> work) {
        return work.get();
    }
}
