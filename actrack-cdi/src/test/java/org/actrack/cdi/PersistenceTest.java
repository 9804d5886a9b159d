/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.using;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.actrack.ActionLog;
import org.actrack.ActrackException;
import org.actrack.ActrackPersistence;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** The application may choose the entity managers actrack writes with, per persistence unit name. */
class PersistenceTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {ApplicationPersistence.class};
    }

    @Test
    void applicationProducedEntityManagersAreUsedByUnitName() {
        Member user = persist(new Member("user"));
        ActionLog log = bean(ActionLog.class);

        log.log(user, "in default");
        log.log(user, "in archive", using("archive"));

        assertThat(database.rows("actrack_action")).isEqualTo(2);
        assertThat(bean(ApplicationPersistence.class).archiveUses()).isPositive();
    }

    @Test
    void unknownPersistenceUnitIsRefusedBeforeWriting() {
        Member user = persist(new Member("user"));

        assertThatThrownBy(() -> bean(ActionLog.class).log(user, "lost", using("nowhere")))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-510")
                .hasMessageContaining("nowhere");
        assertThat(database.rows("actrack_action")).isZero();
    }

    @ApplicationScoped
    public static class ApplicationPersistence {
        private int archiveUses;

        public int archiveUses() {
            return archiveUses;
        }

        @PersistenceContext
        EntityManager entityManager;

        @Produces
        @ActrackPersistence
        EntityManager defaultUnit() {
            return entityManager;
        }

        @Produces
        @ActrackPersistence("archive")
        EntityManager archiveUnit() {
            archiveUses++;
            return entityManager;
        }
    }
}
