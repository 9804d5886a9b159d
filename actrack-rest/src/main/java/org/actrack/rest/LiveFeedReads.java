package org.actrack.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs the live feeds' reads in a transaction of their own: on the feeds' thread there is no request, and a
 * server's transaction-scoped entity manager used without a transaction may already be closed there (Payara).
 */
@ApplicationScoped
class LiveFeedReads {

    @Transactional
    <T> T read(Supplier<T> work) {
        return work.get();
    }
}
