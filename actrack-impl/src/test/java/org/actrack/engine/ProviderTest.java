/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The suite runs on the JPA provider it was asked for (-Phibernate selects Hibernate ORM). */
class ProviderTest extends ActrackContractTest {

    @Test
    void suiteRunsOnTheSelectedProvider() {
        String provider = System.getProperty("actrack.test.provider", "eclipselink");
        String factory = database.factory().getClass().getName();

        assertThat(factory).containsIgnoringCase(provider.equals("hibernate") ? "hibernate" : "eclipse");
    }
}
