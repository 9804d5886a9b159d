/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.DeletedItem;
import org.actrack.RenderContext;
import org.actrack.SettingKeys;
import org.actrack.cdi.fixtures.Coach;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Removals;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Ticket;
import org.actrack.cdi.fixtures.Train;
import org.actrack.cdi.testing.CdiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §12 scenarios 5–7 (deletion.py), P9–P11 and §0.10, with real {@code em.remove} calls: user0 tracks
 * the station (project) in any role and created the station and its three trains (tasks), each in relation
 * to the station.
 */
class DeletionTest extends CdiTest {

    private Member user0;
    private Station station;
    private List<Train> trains;
    private ActionLog log;

    @Override
    protected Class<?>[] beans() {
        return new Class<?>[] {Removals.class};
    }

    @Override
    protected Map<String, String> config() {
        return Map.of(SettingKeys.GROUPING_DELAY.key(), "-1");
    }

    @BeforeEach
    void fixture() {
        log = bean(ActionLog.class);
        user0 = persist(new Member("user0"));
        station = persist(new Station("project"));
        trains = List.of(train("task1"), train("task2"), train("task3"));
        log.track(user0, station, actorOnly(false));
        log.log(user0, "created", targets(station));
        trains.forEach(train -> log.log(user0, "created", targets(train), related(station)));
    }

    private Train train(String name) {
        return inTransaction(() -> {
            Train train = new Train(name);
            train.setStation(database.entityManager().find(Station.class, station.getId()));
            database.entityManager().persist(train);
            return train;
        });
    }

    @Test
    void removingAnEntityKeepsItsActionsPointingAtADeletedItem() {
        bean(Removals.class).remove(Train.class, trains.get(0).getId());

        assertThat(database.rows("actrack_deleted_item")).isEqualTo(1);
        assertThat(database.rows("actrack_action")).isEqualTo(4);
        List<Action> actions = log.actions(user0).asActor().list(10);
        List<Action> withDeletedTarget = actions.stream()
                .filter(a -> a.targets().stream().anyMatch(DeletedItem.class::isInstance))
                .toList();
        assertThat(withDeletedTarget).singleElement().satisfies(action -> {
            DeletedItem item = (DeletedItem) action.targets().get(0);
            assertThat(item.description()).isEqualTo("task1");
            assertThat(item.entityType()).isEqualTo("Train");
            assertThat(item.serialization()).containsKey("id");
        });
    }

    @Test
    void removingThroughAReferenceKeepsTheActionsOfTheEntity() {
        bean(Removals.class).removeReference(Train.class, trains.get(1).getId());

        assertThat(database.rows("rail_train")).isEqualTo(2);
        assertThat(deletedTargets()).singleElement().satisfies(item -> {
            assertThat(item.description()).isEqualTo("task2");
            assertThat(item.entityType()).isEqualTo("Train");
        });
    }

    @Test
    void removingAnOrphanInTheFlushKeepsItsActionsPointingAtADeletedItem() {
        Coach coach = bean(Removals.class).couple(trains.get(2).getId(), "coach A");
        log.log(user0, "coupled", targets(coach), related(trains.get(2)));

        bean(Removals.class).uncoupleAll(trains.get(2).getId(), false);

        assertThat(database.rows("rail_coach")).isZero();
        assertThat(deletedTargets()).singleElement().satisfies(item -> {
            assertThat(item.description()).isEqualTo("coach A");
            assertThat(item.entityType()).isEqualTo("Coach");
        });
    }

    @Test
    void orphansRemovedExplicitlyKeepTheirActions() {
        Coach coach = bean(Removals.class).couple(trains.get(2).getId(), "coach B");
        log.log(user0, "coupled", targets(coach), related(trains.get(2)));

        bean(Removals.class).uncoupleAll(trains.get(2).getId(), true);

        assertThat(database.rows("rail_coach")).isZero();
        assertThat(deletedTargets())
                .singleElement()
                .satisfies(item -> assertThat(item.description()).isEqualTo("coach B"));
    }

    @Test
    void removingATrainAfterRemovingItsCoachesExplicitlyKeepsEveryAction() {
        Coach coach = bean(Removals.class).couple(trains.get(2).getId(), "coach D");
        log.log(user0, "coupled", targets(coach), related(trains.get(2)));

        bean(Removals.class).removeWithCoaches(trains.get(2).getId());

        assertThat(database.rows("rail_coach")).isZero();
        assertThat(deletedTargets()).extracting(DeletedItem::description).containsExactlyInAnyOrder("coach D", "task3");
    }

    @Test
    void removingATrainCascadesToItsCoachesAndKeepsTheirActions() {
        Coach coach = bean(Removals.class).couple(trains.get(2).getId(), "coach C");
        log.log(user0, "coupled", targets(coach), related(trains.get(2)));

        bean(Removals.class).remove(Train.class, trains.get(2).getId());

        assertThat(database.rows("rail_coach")).isZero();
        assertThat(deletedTargets()).extracting(DeletedItem::description).containsExactlyInAnyOrder("coach C", "task3");
    }

    private List<DeletedItem> deletedTargets() {
        return log.actions(user0).asActor().list(10).stream()
                .flatMap(action -> action.targets(DeletedItem.class).stream())
                .toList();
    }

    @Test
    void removingAnEntityWithCascadesKeepsEveryActionAndTheTracker() {
        bean(Removals.class).remove(Station.class, station.getId());

        assertThat(database.rows("actrack_deleted_item")).isEqualTo(4);
        assertThat(database.rows("rail_train")).isZero();
        List<Action> actions = log.actions(user0).asActor().list(10);
        assertThat(actions).hasSize(4);
        assertThat(actions)
                .allSatisfy(a -> assertThat(a.targets()).singleElement().isInstanceOf(DeletedItem.class));
        assertThat(actions.stream().filter(a -> !a.related().isEmpty()))
                .hasSize(3)
                .allSatisfy(a -> assertThat(a.related()).singleElement().hasToString("Station project"));
        assertThat(log.trackers(user0).owned().list())
                .singleElement()
                .satisfies(t -> assertThat(t.tracked()).containsInstanceOf(DeletedItem.class));
        assertThat(log.actions(user0).feed().count())
                .as("the tracker still follows what it followed")
                .isEqualTo(4);
    }

    @Test
    void removingAUserKeepsTheirActionsAndDeletesTheirTrackers() {
        bean(Removals.class).remove(Member.class, user0.getId());

        assertThat(database.rows("actrack_deleted_item")).isEqualTo(1);
        assertThat(database.rows("actrack_action")).isEqualTo(4);
        assertThat(database.rows("actrack_tracker")).isZero();
        List<Action> actions = log.actions(station).all().list(10);
        assertThat(actions)
                .hasSize(4)
                .allSatisfy(
                        a -> assertThat(a.actor()).get().hasToString("user0").isInstanceOf(DeletedItem.class));
    }

    @Test
    void deletedItemRendersWithItsDescription() {
        bean(Removals.class).remove(Station.class, station.getId());

        Action first = log.actions(user0).asActor().list(10).get(3);
        assertThat(log.render(first, RenderContext.empty())).startsWith("user0 created Station project, ");
    }

    @Test
    void removingAnEntityNothingRefersToCreatesNoDeletedItem() {
        Station lonely = persist(new Station("lonely"));

        bean(Removals.class).remove(Station.class, lonely.getId());

        assertThat(database.rows("actrack_deleted_item")).isZero();
    }

    @Test
    void removalThatRollsBackLeavesEverythingAsItWas() {
        assertThatThrownBy(() -> bean(Removals.class).removeThenFail(Station.class, station.getId()))
                .hasMessageContaining("rolled back");

        assertThat(database.rows("actrack_deleted_item")).isZero();
        assertThat(database.rows("rail_train")).isEqualTo(3);
        assertThat(log.actions(station).all().count()).isEqualTo(4);
        assertThat(log.trackers(station).tracking().count()).isEqualTo(1);
    }

    @Test
    void withoutDeletedItemsTheActionsAndTrackersOfARemovedEntityGo() {
        Ticket ticket = persist(new Ticket("ticket"));
        Member other = persist(new Member("other"));
        log.track(other, ticket, actorOnly(false));
        log.log(user0, "sold", targets(ticket));
        log.log(ticket, "expired");
        log.log(user0, "bought", related(ticket), targets(station));

        bean(Removals.class).remove(Ticket.class, ticket.getId());

        assertThat(database.rows("actrack_deleted_item")).isZero();
        assertThat(database.rows("actrack_action"))
                .as("the fixture's four remain")
                .isEqualTo(4);
        assertThat(log.trackers(other).owned().count()).isZero();
    }

    @Test
    void loggingAboutAnEntityWhileRemovingItUsesItsDeletedItem() {
        Train train = trains.get(1);

        bean(Removals.class).removeAndLog(user0, Train.class, train.getId());

        Action removed = log.actions(user0).asActor().verbs("removed").list(1).get(0);
        assertThat(removed.targets())
                .singleElement()
                .isInstanceOf(DeletedItem.class)
                .hasToString("task2");
        assertThat(database.rows("actrack_deleted_item")).isEqualTo(1);
    }

    @Test
    void anActionLoggedBeforeItsTargetIsRemovedInTheSameTransactionPointsAtItsDeletedItem() {
        Train train = trains.get(1);

        bean(Removals.class).logThenRemove(user0, "inspected", Train.class, train.getId());

        Action inspected =
                log.actions(user0).asActor().verbs("inspected").list(1).get(0);
        assertThat(inspected.targets())
                .singleElement()
                .isInstanceOfSatisfying(
                        DeletedItem.class,
                        item -> assertThat(item.entityId())
                                .isEqualTo(train.getId().toString()));
        assertThat(database.rows("actrack_deleted_item")).isEqualTo(1);
    }

    @Test
    void withoutDeletedItemsAnActionLoggedBeforeItsTargetIsRemovedInTheSameTransactionGoesWithIt() {
        Ticket ticket = persist(new Ticket("ticket"));
        long before = database.rows("actrack_action");

        bean(Removals.class).logThenRemove(user0, "sold", Ticket.class, ticket.getId());

        assertThat(database.rows("actrack_action")).isEqualTo(before);
        assertThat(database.rows("actrack_deleted_item")).isZero();
    }

    @Test
    void actionQueuedInARequestPointsAtTheDeletedItemOfAnEntityRemovedBeforeTheRequestEnds() {
        Train train = trains.get(2);
        jakarta.enterprise.context.control.RequestContextController request =
                bean(jakarta.enterprise.context.control.RequestContextController.class);

        request.activate();
        log.log(user0, "inspected", targets(train));
        bean(Removals.class).remove(Train.class, train.getId());
        request.deactivate();

        Action inspected =
                log.actions(user0).asActor().verbs("inspected").list(1).get(0);
        assertThat(inspected.targets())
                .singleElement()
                .isInstanceOf(DeletedItem.class)
                .hasToString("task3");
    }

    @Test
    void bulkRemovalsAreRecordedWithAnExplicitCall() {
        inTransaction(() -> {
            database.entityManager()
                    .createQuery("DELETE FROM Train t WHERE t.id = :id")
                    .setParameter("id", trains.get(2).getId())
                    .executeUpdate();
            log.history().entitiesRemoved(Train.class, List.of(trains.get(2).getId()));
            return null;
        });

        Action action = log.actions(user0).asActor().list(10).get(0);
        assertThat(action.targets())
                .singleElement()
                .isInstanceOf(DeletedItem.class)
                .hasToString("Train " + trains.get(2).getId());
    }
}
