/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.data;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionManager;
import java.util.HashMap;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionHandler;
import org.actrack.ActionLog;
import org.actrack.DeletedItem;
import org.actrack.LoggedAction;
import org.actrack.ObjectRef;
import org.actrack.Verb;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/**
 * Erasure with CDI: the {@code @Verb} bean's {@link ActionHandler#scrub} removes the person's fields, and an erasure
 * commits and rolls back with the caller's JTA transaction.
 */
class PersonalDataErasureTest extends CdiTest {

    /** "complained" keeps the complaint, not the passenger's phone number. */
    @ApplicationScoped
    @Verb("complained")
    public static class ComplaintHandler implements ActionHandler {
        @Override
        public Map<String, Object> scrub(LoggedAction action, ObjectRef erased) {
            Map<String, Object> data = new HashMap<>(action.data());
            data.remove("phone");
            return data;
        }
    }

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {ComplaintHandler.class};
    }

    @Test
    void theVerbsHandlerScrubsTheDataAndTheErasureFollowsTheTransaction() throws Exception {
        Member passenger = persist(new Member("passenger"));
        Train train = persist(new Train("12"));
        ActionLog log = bean(ActionLog.class);
        log.log(passenger, "complained", targets(train), data(Map.of("phone", "+33 6 12 34 56 78", "text", "late")));
        TransactionManager transactions = bean(TransactionManager.class);

        transactions.begin();
        log.personalData().erase(passenger);
        transactions.rollback();
        Action untouched = log.actions(train).all().list(1).get(0);

        transactions.begin();
        log.personalData().erase(passenger);
        transactions.commit();
        Action erased = log.actions(train).all().list(1).get(0);

        assertThat(untouched.data()).containsKey("phone");
        assertThat(untouched.actor()).get().isInstanceOf(Member.class);
        assertThat(erased.data()).containsOnlyKeys("text");
        assertThat(erased.actor()).get().isInstanceOf(DeletedItem.class);
    }
}
