/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it.payara;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The main class of one Payara Micro node, run in the node's own JVM with payara-micro.jar on its class path: it boots
 * Payara Micro through its API, then deploys and undeploys WARs as told on standard input, one command a line, and
 * answers each on standard output:
 *
 * <ul>
 *   <li>{@code deploy <path of a .war>} → {@code deployed} or {@code failed <reason>} (the application's name and
 *       context root are the file's name without {@code .war});
 *   <li>{@code undeploy <name>} → {@code undeployed}.
 * </ul>
 *
 * <p>It first answers {@code ready} once the server is up. Standard output carries nothing else: Payara's own console
 * output goes to standard error, which {@link NodeProcess} writes to the node's log file. When standard input ends —
 * the test JVM has finished or died — the node stops, so no server outlives the suite that started it.
 *
 * <p>Payara's API is called by reflection: only the node's JVM has payara-micro.jar, the test JVM (which compiles this
 * class) must not, and the node's class path holds this one class besides the server.
 */
public final class PayaraMicroNode {

    private PayaraMicroNode() {}

    public static void main(String[] args) throws Exception {
        PrintStream answers = System.out;
        System.setOut(System.err);
        int port = Integer.parseInt(args[0]);

        Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
        Object builder = micro.getMethod("getInstance").invoke(null);
        micro.getMethod("setHttpPort", int.class).invoke(builder, port);
        micro.getMethod("setNoCluster", boolean.class).invoke(builder, true);
        Object runtime = micro.getMethod("bootStrap").invoke(builder);
        Class<?> api = Class.forName("fish.payara.micro.PayaraMicroRuntime");
        Method deploy = api.getMethod("deploy", File.class);
        Method undeploy = api.getMethod("undeploy", String.class);
        Method deployed = api.getMethod("getDeployedApplicationNames");
        answer(answers, "ready");

        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            String argument = command.substring(command.indexOf(' ') + 1);
            if (command.startsWith("deploy ")) {
                answer(answers, deployed(runtime, deploy, deployed, new File(argument)));
            } else if (command.startsWith("undeploy ")) {
                undeploy.invoke(runtime, argument);
                answer(answers, "undeployed");
            } else {
                answer(answers, "failed unknown command: " + command);
            }
        }
        api.getMethod("shutdown").invoke(runtime);
        System.exit(0);
    }

    /**
     * Deploys a WAR. Payara Micro's {@code deploy} answers {@code true} also for an application that failed to load
     * (a CDI definition error, say); such an application is missing from the deployed names.
     */
    private static String deployed(Object runtime, Method deploy, Method deployed, File war)
            throws IllegalAccessException {
        String name = war.getName().replaceFirst("\\.war$", "");
        try {
            if (!Boolean.TRUE.equals(deploy.invoke(runtime, war))) {
                return "failed Payara Micro refused " + war.getName();
            }
            Collection<?> names = (Collection<?>) deployed.invoke(runtime);
            return names.contains(name) ? "deployed" : "failed " + name + " did not load; the log says why";
        } catch (InvocationTargetException e) {
            Logger.getLogger(PayaraMicroNode.class.getName()).log(Level.WARNING, "Deploying " + war, e.getCause());
            return "failed " + e.getCause();
        }
    }

    private static void answer(PrintStream answers, String answer) {
        answers.println(answer.replace('\n', ' '));
        answers.flush();
    }
}
