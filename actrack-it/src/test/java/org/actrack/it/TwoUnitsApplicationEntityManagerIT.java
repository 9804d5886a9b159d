/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import org.actrack.it.units.ApplicationEntityManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two units, nothing said to actrack, and the application's own {@code @Default} entity manager bean for "app". */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
class TwoUnitsApplicationEntityManagerIT extends ApplicationUnitContract {

    @Deployment
    static WebArchive deployment() {
        return Wars.twoUnits("actrack-two-units-application-em")
                .addClasses(ApplicationUnitContract.class, ApplicationEntityManager.class);
    }
}
