/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import static org.actrack.Options.foreignId;
import static org.actrack.Options.targets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.actrack.Action;
import org.actrack.ActionLog;

/** docs/guide.md, "Idempotent logging": a payment logged once however often its message comes. */
@ApplicationScoped
public class Payments {

    @Inject
    ActionLog log;

    /** A payment's message, delivered at least once. */
    public Optional<Action> paid(Member customer, Train order, long paymentId) {
        Payment payment = new Payment(paymentId);
        log.log(customer, "paid", targets(order), foreignId("payment-" + payment.getId()));
        Optional<Action> paid = log.actionByForeignId("payment-" + payment.getId());
        return paid;
    }

    record Payment(long id) {
        long getId() {
            return id;
        }
    }
}
// spotless:on
