/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.cdi.fixtures.CurrentInspector;
import org.actrack.cdi.fixtures.Departures;
import org.actrack.cdi.fixtures.Inspections;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.PlatformSteps;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.fixtures.TrainService;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.Test;

/** @Actionable methods log when they return normally, in their transaction; nothing is lost or kept wrongly. */
class ActionableTest extends CdiTest {

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {
            Departures.class,
            TrainService.class,
            Inspections.class,
            CurrentInspector.class,
            PlatformSteps.Boarding.class,
            PlatformSteps.Alighting.class
        };
    }

    @Test
    void actionableMethodThatCommitsStoresItsAction() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        Station paris = persist(new Station("Paris"));

        bean(Departures.class).depart(driver, train, paris, 4);

        List<Action> actions = bean(ActionLog.class).actions(train).asTarget().list(10);
        assertThat(actions).singleElement().satisfies(action -> {
            assertThat(action.verb()).isEqualTo("departed");
            assertThat(action.actor()).map(Object::toString).contains("driver");
            assertThat(action.related()).extracting(Object::toString).containsExactly("Paris");
            assertThat(action.data()).containsEntry("platform", BigDecimal.valueOf(4));
        });
    }

    @Test
    void actionableMethodThatThrowsLogsNothing() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));

        assertThatThrownBy(() -> bean(Departures.class).crash(driver, train)).hasMessageContaining("crashed");

        assertThat(database.rows("actrack_action")).isZero();
    }

    @Test
    void actionOfATransactionThatRollsBackIsNotStored() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));
        Station paris = persist(new Station("Paris"));

        assertThatThrownBy(() -> bean(TrainService.class).departThenFail(driver, train, paris))
                .hasMessageContaining("signal failure");

        assertThat(database.rows("actrack_action")).isZero();
        assertThat(database.rows("actrack_action_ref")).isZero();
    }

    @Test
    void applicationPersistingItsOwnEntitiesFirstLosesNoAction() {
        Member builder = persist(new Member("builder"));

        Train train = bean(TrainService.class).build(builder, "new train");

        assertThat(database.rows("rail_train")).isEqualTo(1);
        assertThat(bean(ActionLog.class).actions(train).asTarget().list(10))
                .singleElement()
                .satisfies(action -> assertThat(action.verb()).isEqualTo("built"));
    }

    @Test
    void returnValueCanBeATarget() {
        Member builder = persist(new Member("builder"));

        Train train = bean(TrainService.class).buildAnnotated(builder, "returned");

        assertThat(bean(ActionLog.class).actions(train).asTarget().count()).isEqualTo(1);
    }

    @Test
    void collectionParametersAndTheLevelOfTheAnnotationAreUsed() {
        Member speaker = persist(new Member("speaker"));
        Train one = persist(new Train("1"));
        Train two = persist(new Train("2"));

        bean(Departures.class).announce(speaker, List.of(one, two), null);

        assertThat(bean(ActionLog.class).actions(speaker).asActor().list(10))
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.targets()).hasSize(2);
                    assertThat(action.related())
                            .as("a null argument is no related object")
                            .isEmpty();
                    assertThat(action.level()).isEqualTo(40);
                });
    }

    @Test
    void actorComesFromTheCurrentActorBeanWhenNoParameterIsTheActor() {
        Member inspector = persist(new Member("inspector"));
        Train train = persist(new Train("12"));
        bean(CurrentInspector.class).set(inspector);

        bean(Inspections.class).inspect(train);

        assertThat(bean(ActionLog.class).actions(inspector).asActor().list(10))
                .singleElement()
                .satisfies(action -> assertThat(action.verb()).isEqualTo("inspected"));
    }

    @Test
    void actionableMethodOutsideATransactionAndARequestWritesAtOnce() {
        Member driver = persist(new Member("driver"));
        Train train = persist(new Train("12"));

        bean(Departures.class).departWithoutTransaction(driver, train);

        assertThat(database.rows("actrack_action")).isEqualTo(1);
    }

    @Test
    void twoBeansInheritingOneMethodLogTheVerbOfTheirOwnClass() {
        Member passenger = persist(new Member("passenger"));
        Train train = persist(new Train("12"));

        bean(PlatformSteps.Boarding.class).take(passenger, train);
        bean(PlatformSteps.Alighting.class).take(passenger, train);

        assertThat(bean(ActionLog.class).actions(passenger).asActor().list(10))
                .extracting(Action::verb)
                .containsExactly("alighted", "boarded");
    }

    @Test
    void aNullTargetArgumentIsAnOptionalTargetLeftOut() {
        Member driver = persist(new Member("driver"));
        Station from = persist(new Station("Paris"));

        bean(Departures.class).depart(driver, null, from, 3);

        assertThat(bean(ActionLog.class).actions(driver).asActor().list(10))
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.targets()).isEmpty();
                    assertThat(action.related()).hasSize(1);
                });
    }
}
