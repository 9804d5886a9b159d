/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.payara;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * The properties of {@link PayaraMicroNodes} in arquillian.xml: the micro jar (system property
 * {@code payara.microJar} by default, set by the build), the directory of the nodes' logs, their JVM options, and how
 * long a start or a deployment may take.
 */
public final class PayaraMicroNodesConfiguration implements ContainerConfiguration {

    private String microJar = System.getProperty("payara.microJar", "");
    private String logDirectory = System.getProperty("java.io.tmpdir");
    private String javaOptions = "";
    private int startupTimeoutInSeconds = 240;

    @Override
    public void validate() throws ConfigurationException {
        if (microJar.isBlank() || !Files.isRegularFile(Path.of(microJar))) {
            throw new ConfigurationException("No Payara Micro jar at '" + microJar
                    + "': set the container's microJar property or the payara.microJar system property (the build"
                    + " copies the jar into target/)");
        }
        if (startupTimeoutInSeconds < 1) {
            throw new ConfigurationException(
                    "startupTimeoutInSeconds must be at least 1, not " + startupTimeoutInSeconds);
        }
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public String getLogDirectory() {
        return logDirectory;
    }

    public void setLogDirectory(String logDirectory) {
        this.logDirectory = logDirectory;
    }

    public String getJavaOptions() {
        return javaOptions;
    }

    public void setJavaOptions(String javaOptions) {
        this.javaOptions = javaOptions;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }
}
