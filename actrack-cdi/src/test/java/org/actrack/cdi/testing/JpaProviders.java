/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

/** What the provider of this run does differently, for the few tests whose expectation depends on it. */
public final class JpaProviders {

    private JpaProviders() {}

    /** Whether the run uses Hibernate ORM ({@code -Phibernate}) rather than EclipseLink. */
    public static boolean hibernate() {
        return "hibernate".equals(System.getProperty("actrack.test.provider"));
    }
}
