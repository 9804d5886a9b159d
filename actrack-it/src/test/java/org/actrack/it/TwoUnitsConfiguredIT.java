/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two units, the one for actrack named by {@code actrack.persistence-unit=app} in microprofile-config.properties. */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
class TwoUnitsConfiguredIT extends ApplicationUnitContract {

    @Deployment
    static WebArchive deployment() {
        return Wars.twoUnits("actrack-two-units-configured", "actrack.persistence-unit=app")
                .addClass(ApplicationUnitContract.class);
    }
}
