/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** @Connected entities are found through the JPA metamodel even when CDI never saw their classes. */
class ConnectedEntitiesTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[0];
    }

    @Test
    void connectedEntitiesOfThePersistenceUnitAreFoundWithoutBeingBeanClasses() {
        ConnectedEntities connected = bean(ActrackExtension.class).connected();

        assertThat(connected.of(Train.class)).isPresent();
        assertThat(connected.of(Station.class)).isPresent();
        assertThat(connected.of(Member.class))
                .hasValueSatisfying(c -> assertThat(c.useDeletedItems()).isTrue());
        assertThat(connected.of(String.class)).isEmpty();
    }

    @Test
    void connectedEntitiesExposeTheirActionsAndTrackers() {
        Train train = persist(new Train("12"));
        org.actrack.ActionLog log = bean(org.actrack.ActionLog.class);

        assertThat(log.actions(train)).isInstanceOf(org.actrack.ObjectActions.class);
        assertThat(log.trackers(train)).isInstanceOf(org.actrack.ObjectTrackers.class);
        assertThat(log.actions(train).all().count()).isZero();
    }
}
