package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;

/** Runs engine work in a JTA transaction: the caller's or a new one. */
@ApplicationScoped
class TransactionalWork {

    @Transactional(TxType.REQUIRED)
    public <T> T required(Supplier<T> work) {
        return work.get();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public <T> T requiresNew(Supplier<T> work) {
        return work.get();
    }
}
