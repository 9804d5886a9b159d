/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.DeletedItem;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.Trains;
import org.junit.jupiter.api.Test;

/**
 * What an application sees of actrack writing to its persistence unit "app", whichever documented way actrack
 * found that unit (the only one, or one of two named in configuration, produced, or the application's own entity
 * manager bean): actions commit and roll back with its transactions, and removals become deleted items. Each
 * subclass deploys the WAR one way.
 */
abstract class ApplicationUnitContract {

    @Inject
    ActionLog log;

    @Inject
    Trains trains;

    @Test
    void actionableMethodsStoreActionsIfAndOnlyIfTheirTransactionCommits() {
        Member driver = trains.create(new Member("driver"));
        Train train = trains.create(new Train("21"));
        Station lyon = trains.create(new Station("Lyon"));

        trains.arrive(driver, train, lyon);
        assertThatThrownBy(() -> trains.crash(driver, train)).hasMessageContaining("crashed");
        assertThatThrownBy(() -> trains.departThenFail(driver, train, lyon)).hasMessageContaining("signal failure");

        assertThat(log.actions(train).all().list(10)).extracting(Action::verb).containsExactly("arrived");
    }

    @Test
    void applicationPersistingItsOwnEntityFirstLosesNothing() {
        Member builder = trains.create(new Member("builder"));

        Train built = trains.build(builder, "22");

        assertThat(log.actions(built).asTarget().list(10))
                .extracting(Action::verb)
                .containsExactly("built");
    }

    @Test
    void removingAConnectedEntityTurnsItIntoADeletedItem() {
        Member driver = trains.create(new Member("remover"));
        Train train = trains.create(new Train("23"));
        Station paris = trains.create(new Station("Paris"));
        trains.depart(driver, train, paris);

        trains.remove(Train.class, train.getId());

        assertThat(log.actions(driver).asActor().list(1).get(0).targets())
                .singleElement()
                .isInstanceOf(DeletedItem.class)
                .hasToString("23");
    }
}
