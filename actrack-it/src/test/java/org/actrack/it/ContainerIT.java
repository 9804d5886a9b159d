/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.level;
import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.DeletedItem;
import org.actrack.RenderContext;
import org.actrack.cdi.fixtures.Coach;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.ArrivalHandler;
import org.actrack.spi.Integration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * actrack in an application server, as a user deploys it: a WAR with actrack's jars in WEB-INF/lib, entities
 * in an ordinary annotated archive, the server's default data source (H2), nothing else wired. The same
 * class runs in Payara Micro (EclipseLink) and, with {@code -Pwildfly}, in WildFly (Hibernate ORM). The
 * application's only unit: actrack needs nothing declared.
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
class ContainerIT extends ApplicationUnitContract {

    @Deployment
    static WebArchive deployment() {
        return Wars.application("actrack-it").addClass(ApplicationUnitContract.class);
    }

    @Test
    void injectedActionLogUsesTheHandlerOfTheVerb() {
        Member driver = trains.create(new Member("driver"));
        Train train = trains.create(new Train("12"));
        Station lyon = trains.create(new Station("Lyon"));

        trains.arrive(driver, train, lyon);

        Action arrival = log.actions(train).asTarget().list(1).get(0);
        assertThat(log.unwrap(Integration.class).handler("arrived")).isInstanceOf(ArrivalHandler.class);
        assertThat(log.render(arrival, RenderContext.empty())).startsWith("Train 12 arrived at Lyon, ");
    }

    /**
     * Issue 20 item 3: coaches removed by the train's {@code orphanRemoval} mapping, uncoupled or with their train
     * (whose coaches were never read), keep their actions as deleted items, on EclipseLink (Payara) as on Hibernate.
     */
    @Test
    void coachesRemovedAsOrphansOrWithTheirTrainKeepTheirActions() {
        Member driver = trains.create(new Member("coupler"));
        Train train = trains.create(new Train("16"));
        Coach uncoupled = trains.couple(train.getId(), "coach A");
        Coach kept = trains.couple(train.getId(), "coach B");
        trains.log(driver, "coupled", targets(uncoupled));
        trains.log(driver, "coupled", targets(kept));

        trains.uncouple(train.getId(), uncoupled.getId());
        trains.remove(Train.class, train.getId());

        List<Action> coupled = log.actions(driver).asActor().verbs("coupled").list(10);
        assertThat(coupled)
                .extracting(action -> action.targets().get(0))
                .allSatisfy(target -> assertThat(target).isInstanceOf(DeletedItem.class))
                .extracting(target -> ((DeletedItem) target).description())
                .containsExactly("coach B", "coach A");
    }

    @Test
    void requestWithoutTransactionGroupsCombinesAndWritesWhenItEnds() throws Exception {
        Member driver = trains.create(new Member("grouper"));
        Train train = trains.create(new Train("14"));
        ManagedExecutorService executor =
                (ManagedExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");

        long storedDuringRequest = executor.submit(() -> {
                    RequestContextController request =
                            CDI.current().select(RequestContextController.class).get();
                    request.activate();
                    try {
                        ActionLog actions =
                                CDI.current().select(ActionLog.class).get();
                        actions.log(driver, "logged in");
                        actions.log(driver, "logged in");
                        actions.log(driver, "boarded", targets(train));
                        actions.log(driver, "departed", targets(train));
                        return actions.actions(driver).all().count();
                    } finally {
                        request.deactivate();
                    }
                })
                .get(60, TimeUnit.SECONDS);

        assertThat(storedDuringRequest).as("nothing before the request ends").isZero();
        assertThat(log.actions(driver).all().list(10))
                .extracting(Action::verb)
                .containsExactly("departed", "logged in");
    }

    @Test
    void settingsOfTheWarTakeEffect() {
        Member member = trains.create(new Member("noticer"));

        trains.log(member, "noticed", level("NOTICE"));

        assertThat(log.unwrap(Integration.class).settings().level("NOTICE").value())
                .isEqualTo(35);
        assertThat(log.actions(member).all().list(1).get(0).level()).isEqualTo(35);
    }

    @Test
    void feedUnreadCountAndMarkReadWorkOnTheDefaultDataSource() {
        Member reader = trains.create(new Member("reader"));
        Member driver = trains.create(new Member("fast driver"));
        Train train = trains.create(new Train("16"));
        Station paris = trains.create(new Station("Paris"));
        log.track(reader, train, actorOnly(false));

        trains.depart(driver, train, paris);

        List<Action> feed = log.actions(reader).feed().list(10);
        assertThat(feed).extracting(Action::verb).containsExactly("departed");
        assertThat(log.unread(reader).count()).isEqualTo(1);
        assertThat(log.unread(reader).markRead(feed.get(0))).isTrue();
        assertThat(log.unread(reader).count()).isZero();
    }
}
