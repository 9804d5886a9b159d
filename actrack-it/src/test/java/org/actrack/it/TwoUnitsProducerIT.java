/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import org.actrack.it.units.ActrackEntityManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two units, the one for actrack produced by the application: {@code @Produces @ActrackPersistence @PersistenceContext(unitName = "app")}. */
@DisabledIfSystemProperty(
        named = "actrack.test.db",
        matches = "postgresql|mariadb",
        disabledReason = Wars.ON_THE_SERVERS_H2)
@ExtendWith(ArquillianExtension.class)
class TwoUnitsProducerIT extends ApplicationUnitContract {

    @Deployment
    static WebArchive deployment() {
        return Wars.twoUnits("actrack-two-units-producer")
                .addClasses(ApplicationUnitContract.class, ActrackEntityManager.class);
    }
}
