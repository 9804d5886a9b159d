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
 * Two units and nothing that says which one actrack writes to: the deployment fails (ACTRACK-515 names the units and
 * the key to set).
 */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
class TwoUnitsUnchosenIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return Wars.twoUnits("actrack-two-units-unchosen");
    }

    @Test
    void theDeploymentFails() {
        // Arquillian fails this test when the deployment above succeeds.
    }
}
