package org.actrack.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.function.Supplier;
import org.actrack.ActrackException;

/**
 * Runs engine work in a JTA transaction: the caller's or a new one. An {@link ActrackException} does not
 * mark the transaction for rollback: bad input is refused before anything is written, so the caller's
 * transaction stays usable (spec §0.16); a retryable one comes from a database failure, which the
 * persistence provider has already marked the transaction for rollback for.
 */
@ApplicationScoped
class TransactionalWork {

    @Transactional(value = TxType.REQUIRED, dontRollbackOn = ActrackException.class)
    public <T> T required(Supplier<T> work) {
        return work.get();
    }

    @Transactional(value = TxType.REQUIRES_NEW, dontRollbackOn = ActrackException.class)
    public <T> T requiresNew(Supplier<T> work) {
        return work.get();
    }
}
