/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import org.actrack.cdi.testing.JpaProviders;
import org.actrack.cdi.testing.JtaDatabase;
import org.junit.jupiter.api.Test;

/** The CDI suites run on the JPA provider the build asks for: EclipseLink (Payara's), or Hibernate ORM (WildFly's) with -Phibernate. */
class JpaProviderTest {

    @Test
    void theSuitesRunOnTheRequestedProvider() {
        String expectedPackage = JpaProviders.hibernate() ? "org.hibernate." : "org.eclipse.persistence.";
        assertThat(JtaDatabase.get().factory().getClass().getName()).startsWith(expectedPackage);
    }
}
