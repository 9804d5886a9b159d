/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR whose persistence unit forgot actrack's mapping file does not deploy (ACTRACK-514 names the unit and
 * the line to add), instead of deploying and failing every call with "not a known entity type".
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
class MissingMappingIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return Wars.base("actrack-missing-mapping")
                .addAsResource("it-persistence-without-mapping.xml", "META-INF/persistence.xml");
    }

    @Test
    void theDeploymentFails() {
        // Arquillian fails this test when the deployment above succeeds.
    }
}
