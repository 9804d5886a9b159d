/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.payara;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Payara Micro for Arquillian with one server for the whole suite: the first deployment starts a node, and every
 * test class after it deploys into that node and undeploys when done, as in a full application server. Payara's own
 * connector starts a new Payara Micro for each deployment instead: about ten seconds per test class, most of the
 * suite's time.
 *
 * <p>A test class with several deployments at once (the nodes of {@code TwoNodesIT}) is a cluster: every deployment
 * made while the shared node holds another gets a node of its own, stopped when that deployment is undeployed.
 *
 * <p>Nodes stop at the end of the suite, and on their own when the test JVM ends in any way (see
 * {@link PayaraMicroNode}): none is left running.
 */
public final class PayaraMicroNodes implements DeployableContainer<PayaraMicroNodesConfiguration> {

    /** The servlet of Arquillian's Servlet 5.0 protocol, which runs in-container tests. */
    private static final String ARQUILLIAN_SERVLET = "ArquillianServletRunnerEE9";

    private PayaraMicroNodesConfiguration configuration;
    private NodeProcess shared;
    private final Map<String, NodeProcess> nodeOfDeployment = new LinkedHashMap<>();
    private final List<Path> exported = new ArrayList<>();
    private int started;

    @Override
    public Class<PayaraMicroNodesConfiguration> getConfigurationClass() {
        return PayaraMicroNodesConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroNodesConfiguration configuration) {
        this.configuration = configuration;
    }

    /** Starts nothing yet: a suite whose tests are all disabled (another database's run) needs no server. */
    @Override
    public void start() {}

    @Override
    public void stop() throws LifecycleException {
        nodeOfDeployment.values().forEach(NodeProcess::close);
        nodeOfDeployment.clear();
        if (shared != null) {
            shared.close();
            shared = null;
        }
        for (Path war : exported) {
            try {
                Files.deleteIfExists(war);
                Files.deleteIfExists(war.getParent());
            } catch (IOException e) {
                throw new LifecycleException("Could not delete " + war, e);
            }
        }
        exported.clear();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String application = applicationName(archive);
        NodeProcess node = nodeFor(application);
        Path war = export(archive);
        try {
            node.deploy(war, patience());
        } catch (DeploymentException e) {
            if (node != shared) {
                node.close();
            }
            throw e;
        }
        nodeOfDeployment.put(application, node);
        HTTPContext context = new HTTPContext("127.0.0.1", node.port());
        context.add(new Servlet(ARQUILLIAN_SERVLET, "/" + application));
        return new ProtocolMetaData().addContext(context);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        String application = applicationName(archive);
        NodeProcess node = nodeOfDeployment.remove(application);
        if (node == null) {
            return; // its deployment failed, as a test of a failing deployment expects
        }
        if (node == shared) {
            node.undeploy(application, patience());
        } else {
            node.close();
        }
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("Payara Micro nodes deploy archives, not descriptors");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("Payara Micro nodes deploy archives, not descriptors");
    }

    private NodeProcess nodeFor(String application) throws DeploymentException {
        if (shared == null) {
            shared = NodeProcess.start(nodeName("shared"), configuration);
            return shared;
        }
        if (nodeOfDeployment.containsValue(shared)) {
            return NodeProcess.start(nodeName(application), configuration);
        }
        return shared;
    }

    private String nodeName(String purpose) {
        return "payara-micro-" + ++started + "-" + purpose;
    }

    private Duration patience() {
        return Duration.ofSeconds(configuration.getStartupTimeoutInSeconds());
    }

    private Path export(Archive<?> archive) throws DeploymentException {
        try {
            Path war = Files.createTempDirectory("actrack-payara-war").resolve(archive.getName());
            archive.as(ZipExporter.class).exportTo(war.toFile());
            exported.add(war);
            return war;
        } catch (IOException e) {
            throw new DeploymentException("Could not export " + archive.getName(), e);
        }
    }

    private static String applicationName(Archive<?> archive) {
        String name = archive.getName();
        return name.endsWith(".war") ? name.substring(0, name.length() - ".war".length()) : name;
    }
}
