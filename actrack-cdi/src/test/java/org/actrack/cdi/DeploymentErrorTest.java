/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.actrack.cdi.testing.Deployments.deploy;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import org.actrack.Actionable;
import org.actrack.Connected;
import org.actrack.cdi.fixtures.CustomStreams;
import org.actrack.cdi.fixtures.Exporters;
import org.actrack.cdi.fixtures.Handlers;
import org.actrack.cdi.fixtures.Inspections;
import org.actrack.cdi.testing.PersistenceXml;
import org.junit.jupiter.api.Test;

/** Misuse is a deployment error that names the class or method at fault. */
class DeploymentErrorTest {

    @Test
    void aPersistenceUnitWithoutActracksMappingFailsTheDeploymentNamingTheUnitAndTheLineToAdd() {
        PersistenceXml descriptor = PersistenceXml.declaring(
                "<persistence-unit name=\"shop\"><class>org.example.Order</class></persistence-unit>");

        assertThatThrownBy(() -> descriptor.during(() -> deploy()))
                .hasStackTraceContaining("ACTRACK-514")
                .hasStackTraceContaining("'shop'")
                .hasStackTraceContaining("add <mapping-file>META-INF/actrack-orm.xml</mapping-file>");
    }

    @Test
    void aPersistenceUnitWithActracksMappingDeploys() {
        PersistenceXml descriptor = PersistenceXml.declaring(
                "<persistence-unit name=\"shop\"><mapping-file>META-INF/actrack-orm.xml</mapping-file>"
                        + "<class>org.example.Order</class></persistence-unit>");

        assertThatCode(() -> descriptor.during(() -> deploy())).doesNotThrowAnyException();
    }

    @Test
    void connectedOnAClassThatIsNotAnEntityFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(NotAnEntity.class))
                .hasStackTraceContaining("ACTRACK-501")
                .hasStackTraceContaining(NotAnEntity.class.getName());
    }

    @Test
    void connectedEntityWithACompositeIdFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(CompositeEntity.class))
                .hasStackTraceContaining("ACTRACK-502")
                .hasStackTraceContaining(CompositeEntity.class.getName())
                .hasStackTraceContaining("@IdClass");
    }

    @Test
    void actionableMethodWithoutActorAndWithoutCurrentActorFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(Inspections.class))
                .hasStackTraceContaining("ACTRACK-506")
                .hasStackTraceContaining(Inspections.class.getName() + ".inspect");
    }

    @Test
    void actionableMethodWithTwoActorsFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(TwoActors.class))
                .hasStackTraceContaining("ACTRACK-504")
                .hasStackTraceContaining(TwoActors.class.getName() + ".meet");
    }

    @Test
    void actionableWithABlankVerbFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(BlankVerb.class))
                .hasStackTraceContaining("ACTRACK-503")
                .hasStackTraceContaining(BlankVerb.class.getName() + ".act");
    }

    @Test
    void actionableWithAnUnknownLevelFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(UnknownLevel.class))
                .hasStackTraceContaining("ACTRACK-507")
                .hasStackTraceContaining("'LOUD'");
    }

    @Test
    void twoStreamsWithOneNameFailTheDeploymentNamingBoth() {
        assertThatThrownBy(() -> deploy(CustomStreams.MyStream.class, CustomStreams.OtherMyStream.class))
                .hasStackTraceContaining("ACTRACK-519")
                .hasStackTraceContaining("'mystream'")
                .hasStackTraceContaining(CustomStreams.MyStream.class.getName())
                .hasStackTraceContaining(CustomStreams.OtherMyStream.class.getName());
    }

    @Test
    void aStreamNameThatCannotBeInAUrlFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(CustomStreams.BadlyNamedStream.class))
                .hasStackTraceContaining("ACTRACK-518")
                .hasStackTraceContaining(CustomStreams.BadlyNamedStream.class.getName())
                .hasStackTraceContaining("\"My Stream\"");
    }

    @Test
    void aStreamWithoutANameOrANameOnWhatIsNoStreamFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(CustomStreams.UnnamedStream.class))
                .hasStackTraceContaining("ACTRACK-520")
                .hasStackTraceContaining(CustomStreams.UnnamedStream.class.getName() + " has no @StreamName");
        assertThatThrownBy(() -> deploy(CustomStreams.NamedButNoStream.class))
                .hasStackTraceContaining("ACTRACK-520")
                .hasStackTraceContaining(CustomStreams.NamedButNoStream.class.getName() + " is qualified")
                .hasStackTraceContaining("is no ActionStream");
    }

    @Test
    void twoExportersFailTheDeploymentNamingBoth() {
        assertThatThrownBy(() -> deploy(Exporters.Recording.class, Exporters.Another.class))
                .hasStackTraceContaining("ACTRACK-522")
                .hasStackTraceContaining(Exporters.Recording.class.getName())
                .hasStackTraceContaining(Exporters.Another.class.getName());
    }

    @Test
    void twoHandlersForTheSameVerbFailTheDeployment() {
        assertThatThrownBy(() -> deploy(Handlers.ArrivalHandler.class, Handlers.OtherArrivalHandler.class))
                .hasStackTraceContaining("ACTRACK-509")
                .hasStackTraceContaining("'arrived'")
                .hasStackTraceContaining(Handlers.ArrivalHandler.class.getName())
                .hasStackTraceContaining(Handlers.OtherArrivalHandler.class.getName());
    }

    @Test
    void handlerWithABlankVerbFailsTheDeployment() {
        assertThatThrownBy(() -> deploy(Handlers.BlankVerbHandler.class))
                .hasStackTraceContaining("ACTRACK-508")
                .hasStackTraceContaining(Handlers.BlankVerbHandler.class.getName());
    }

    @Test
    void aCorrectApplicationDeploys() {
        assertThatCode(() -> deploy(
                        Handlers.ArrivalHandler.class,
                        Handlers.MyActionHandler.class,
                        org.actrack.cdi.fixtures.Departures.class))
                .doesNotThrowAnyException();
    }

    @Test
    void actracksOwnClassesDiscoveredByTheServerAreNotBeansTwice() {
        assertThatCode(() -> deploy(
                        CdiActionLog.class,
                        TransactionQueues.class,
                        RequestActionQueue.class,
                        ActionableInterceptor.class,
                        DefaultActionHandler.class))
                .doesNotThrowAnyException();
    }

    @Test
    void abstractMappedSuperclassCannotBeConnected() {
        assertThatThrownBy(() -> deploy(AbstractBase.class))
                .hasStackTraceContaining("ACTRACK-501")
                .hasStackTraceContaining(AbstractBase.class.getName());
    }

    @Connected
    @jakarta.persistence.MappedSuperclass
    @ApplicationScoped
    public abstract static class AbstractBase {}

    @Connected
    @ApplicationScoped
    public static class NotAnEntity {}

    @Connected
    @Entity(name = "CompositeEntity")
    @IdClass(CompositeEntity.Key.class)
    public static class CompositeEntity {
        @Id
        long left;

        @Id
        long right;

        public static class Key implements Serializable {
            private static final long serialVersionUID = 1L;
            long left;
            long right;
        }
    }

    @ApplicationScoped
    public static class TwoActors {
        @Actionable("met")
        public void meet(@Actionable.Actor Object one, @Actionable.Actor Object two) {}
    }

    @ApplicationScoped
    public static class BlankVerb {
        @Actionable(" ")
        public void act(@Actionable.Actor Object actor) {}
    }

    @ApplicationScoped
    public static class UnknownLevel {
        @Actionable(value = "shouted", level = "LOUD")
        public void shout(@Actionable.Actor Object actor) {}
    }
}
