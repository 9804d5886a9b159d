/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.foreignId;
import static org.actrack.Options.groupingDelay;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.actrack.Action;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.LogOption;
import org.actrack.LogRequest;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.Transaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotent logging (issue 23, item 3): an action logged with the application's own key is stored once, however many
 * times, calls or transactions log it; the key is part of the stored action; a bad key is refused before anything is
 * written.
 */
class ForeignIdTest extends ActrackContractTest {

    private User customer;
    private User clerk;
    private Project order;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().groupingDelaySeconds(3600).build();
    }

    @BeforeEach
    void aCustomerAClerkAndAnOrder() {
        customer = user("customer");
        clerk = user("clerk");
        order = project("order 42");
        log.track(clerk, order, actorOnly(false));
    }

    @Test
    void loggingAgainWithTheSameKeyWritesNothing() {
        log.log(customer, "paid", targets(order), foreignId("payment-7"));
        long rowsAfterFirst = storedRows();

        log.log(customer, "paid", targets(order), foreignId("payment-7"));
        log.log(customer, "paid again", targets(order), foreignId("payment-7"));

        assertThat(storedRows()).isEqualTo(rowsAfterFirst);
        assertThat(everything(log.actions(order).all())).singleElement().satisfies(action -> {
            assertThat(action.verb()).isEqualTo("paid");
            assertThat(action.foreignId()).contains("payment-7");
        });
        assertThat(log.unread(clerk).count()).isEqualTo(1);
        assertThat(log.actionByForeignId("payment-7"))
                .map(Action::id)
                .contains(everything(log.actions(order).all()).get(0).id());
        assertThat(log.actionByForeignId("payment-8")).isEmpty();
    }

    @Test
    void oneTransactionOrBulkCallLoggingAKeyTwiceStoresItOnce() {
        try (Transaction transaction = transaction()) {
            transaction.log().log(customer, "paid", targets(order), foreignId("payment-1"));
            transaction.log().log(customer, "paid", targets(order), foreignId("payment-1"));
            transaction.commit();
        }
        log.logAll(List.of(
                LogRequest.of(customer, "refunded", targets(order), foreignId("refund-1")),
                LogRequest.of(customer, "refunded", targets(order), foreignId("refund-1")),
                LogRequest.of(customer, "refunded", targets(order), foreignId("refund-2"))));

        assertThat(everything(log.actions(order).all()))
                .extracting(action -> action.foreignId().orElseThrow())
                .containsExactly("refund-2", "refund-1", "payment-1");
        assertThat(log.unread(clerk).count()).isEqualTo(3);
    }

    @Test
    void anActionWithoutAnActorIsStoredOnceToo() {
        log.log(null, "audited", targets(order), foreignId("audit-1"));
        log.log(null, "audited", targets(order), foreignId("audit-1"));

        assertThat(everything(log.actions(order).all())).singleElement().satisfies(action -> {
            assertThat(action.actorRef()).isEmpty();
            assertThat(action.foreignId()).contains("audit-1");
        });
    }

    @Test
    void aRolledBackKeyMayBeLoggedAgain() {
        try (Transaction transaction = transaction()) {
            transaction.log().log(customer, "paid", targets(order), foreignId("payment-3"));
            transaction.rollback();
        }

        log.log(customer, "paid", targets(order), foreignId("payment-3"));

        assertThat(log.actionByForeignId("payment-3")).isPresent();
    }

    @Test
    void actionsWithKeysNeitherCombineNorGroup() {
        log.log(customer, "commented", targets(order), groupingDelay(3600));
        log.log(customer, "commented", targets(order), foreignId("comment-1"), groupingDelay(3600));
        log.log(customer, "commented", targets(order), foreignId("comment-2"), groupingDelay(3600));
        log.log(customer, "commented", targets(order), groupingDelay(3600));

        assertThat(everything(log.actions(order).all()))
                .as("the two without a key grouped, as they would have; the keyed ones stayed as logged")
                .extracting(action -> action.foreignId().orElse("none"))
                .containsExactlyInAnyOrder("comment-1", "comment-2", "none");
    }

    @Test
    void aBadKeyIsRefusedNamingItBeforeAnythingIsWritten() {
        for (String bad : new String[] {null, " ", "k".repeat(LogOption.MAX_FOREIGN_ID_LENGTH + 1), "line\nbreak"}) {
            try (Transaction transaction = transaction()) {
                transaction.log().log(customer, "paid", targets(order));
                assertThatThrownBy(() -> transaction.log().log(customer, "paid", targets(order), foreignId(bad)))
                        .isInstanceOfSatisfying(
                                ActrackException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FOREIGN_ID))
                        .hasMessageContaining("foreign id")
                        .hasMessageContaining(String.valueOf(LogOption.MAX_FOREIGN_ID_LENGTH));
                transaction.rollback();
            }
        }
        assertThatThrownBy(() -> log.actionByForeignId(" ")).isInstanceOf(ActrackException.class);

        assertThat(rows("actrack_action")).isZero();
        try (Transaction transaction = transaction()) {
            assertThatThrownBy(() -> transaction.log().log(customer, "paid", targets(order), foreignId("")))
                    .isInstanceOf(ActrackException.class);
            transaction.log().log(customer, "paid", targets(order), foreignId("payment-9"));
            transaction.commit();
        }
        assertThat(log.actionByForeignId("payment-9"))
                .as("the caller's transaction stayed usable")
                .isPresent();
    }

    private Transaction transaction() {
        return new Transaction(database.factory(), settings(), clock, Handlers.lookup());
    }
}
