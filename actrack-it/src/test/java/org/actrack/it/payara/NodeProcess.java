/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.payara;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;

/**
 * One Payara Micro node seen from the test JVM: the process running {@link PayaraMicroNode}, its HTTP port, and the
 * conversation with it (a command a line on its standard input, an answer a line on its standard output). Its server
 * log goes to a file of its own, whose last lines a failure quotes.
 */
final class NodeProcess implements AutoCloseable {

    private static final String END = "\u0000end";

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private NodeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, "payara-micro-node-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a node and waits until Payara Micro is up. */
    static NodeProcess start(String name, PayaraMicroNodesConfiguration configuration) throws DeploymentException {
        try {
            Path microJar = Path.of(configuration.getMicroJar());
            Path classes = Files.createTempDirectory("actrack-payara-node");
            Path mainClass = classes.resolve(PayaraMicroNode.class.getName().replace('.', '/') + ".class");
            Files.createDirectories(mainClass.getParent());
            try (InputStream in = Objects.requireNonNull(
                    PayaraMicroNode.class.getResourceAsStream(PayaraMicroNode.class.getSimpleName() + ".class"))) {
                Files.copy(in, mainClass);
            }
            Path logs = Files.createDirectories(Path.of(configuration.getLogDirectory()));
            Path log = logs.resolve(name + ".log");
            int port = freePort();

            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Arrays.stream(configuration.getJavaOptions().trim().split("\\s+"))
                    .filter(option -> !option.isEmpty())
                    .forEach(command::add);
            command.addAll(moduleOptions(microJar));
            command.addAll(List.of(
                    "-cp",
                    microJar + java.io.File.pathSeparator + classes,
                    PayaraMicroNode.class.getName(),
                    Integer.toString(port)));
            command.removeIf(String::isEmpty);
            Process process = new ProcessBuilder(command)
                    .redirectError(log.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.PIPE)
                    .start();
            NodeProcess node = new NodeProcess(name, process, port, log);
            node.expect("ready", Duration.ofSeconds(configuration.getStartupTimeoutInSeconds()), "start");
            return node;
        } catch (IOException e) {
            throw new DeploymentException("Could not start Payara Micro node " + name, e);
        }
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    /** Deploys a WAR file; its name without {@code .war} is the application's name and context root. */
    void deploy(Path war, Duration patience) throws DeploymentException {
        send("deploy " + war.toAbsolutePath());
        expect("deployed", patience, "deploy " + war.getFileName());
    }

    void undeploy(String application, Duration patience) throws DeploymentException {
        send("undeploy " + application);
        expect("undeployed", patience, "undeploy " + application);
    }

    /** Ends the node's standard input, on which it shuts Payara Micro down; stops it outright if it lingers. */
    @Override
    public void close() {
        try {
            commands.close();
        } catch (IOException e) {
            // the node has gone already
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void send(String command) throws DeploymentException {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw failure("could not be told to " + command, e);
        }
    }

    private void expect(String expected, Duration patience, String what) throws DeploymentException {
        String answer;
        try {
            answer = answers.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted waiting to " + what, e);
        }
        if (answer == null) {
            throw failure("did not " + what + " within " + patience.toSeconds() + " s", null);
        }
        if (!answer.equals(expected)) {
            throw failure(
                    "could not " + what + ": " + (answer.equals(END) ? "the node's process ended" : answer), null);
        }
    }

    private DeploymentException failure(String what, Throwable cause) {
        return new DeploymentException(
                "Payara Micro node " + name + " " + what + "; the end of its log (" + log + "):\n" + logTail(), cause);
    }

    private void readAnswers() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answers.add(line);
            }
        } catch (IOException e) {
            // the process ended; END below tells whoever waits
        }
        answers.add(END);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * The {@code --add-opens} and {@code --add-exports} options the micro jar's manifest asks for: they apply only to
     * {@code java -jar}, and the node runs its own main class.
     */
    private static List<String> moduleOptions(Path microJar) throws IOException {
        List<String> options = new ArrayList<>();
        try (JarFile jar = new JarFile(microJar.toFile())) {
            Manifest manifest = jar.getManifest();
            for (String attribute : List.of("Add-Opens", "Add-Exports")) {
                String packages = manifest.getMainAttributes().getValue(attribute);
                if (packages != null) {
                    for (String modulePackage : packages.trim().split("\\s+")) {
                        options.add("--" + attribute.toLowerCase(java.util.Locale.ROOT) + "=" + modulePackage
                                + "=ALL-UNNAMED");
                    }
                }
            }
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
