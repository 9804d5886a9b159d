/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link PayaraMicroNodes} with Arquillian (META-INF/services of the test classes), except in WildFly's runs
 * ({@code arquillian.launch=wildfly}, set by the {@code wildfly} profile): Arquillian accepts one kind of container
 * on its class path, and there WildFly's is.
 */
public final class PayaraMicroNodesExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if (!"wildfly".equals(System.getProperty("arquillian.launch"))) {
            builder.service(DeployableContainer.class, PayaraMicroNodes.class);
        }
    }
}
