/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.actrack.cdi.fixtures.Coach;
import org.actrack.cdi.fixtures.Member;
import org.actrack.cdi.fixtures.Station;
import org.actrack.cdi.fixtures.Train;
import org.actrack.it.app.Trains;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds WARs the way a user does: the application's classes and descriptors, and actrack's jars in
 * WEB-INF/lib exactly as Maven packaged them (copied by the build into target/war-lib).
 */
final class Wars {

    /**
     * Why a test of a WAR on the server's own default data source (H2 in Payara Micro and in WildFly, whatever
     * {@code actrack.test.db} says) is skipped in the PostgreSQL and MariaDB runs: they would repeat it on the same H2.
     */
    static final String ON_THE_SERVERS_H2 = "the WAR uses the server's own H2 data source: the H2 run covers it";

    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
            + " bean-discovery-mode=\"annotated\"/>";

    private Wars() {}

    /**
     * A {@code web.xml} that defines {@code java:app/jdbc/actrackPostgres} on this machine's PostgreSQL: the
     * {@code actrack.test.jdbc.url} of the run when it names a PostgreSQL database, else the database {@code test}.
     * The server trusts local connections; Payara refuses a data source with an empty password, hence a dummy one.
     */
    static StringAsset postgresDataSource() {
        return postgresDataSource("");
    }

    /** {@link #postgresDataSource()} with a pool of this size instead of the server's default. */
    static StringAsset postgresDataSource(int maxPoolSize) {
        return postgresDataSource("<max-pool-size>" + maxPoolSize + "</max-pool-size>");
    }

    private static StringAsset postgresDataSource(String pool) {
        String url = System.getProperty("actrack.test.jdbc.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            url = "jdbc:postgresql://127.0.0.1:5432/test";
        }
        return new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                + "<data-source><name>java:app/jdbc/actrackPostgres</name>"
                + "<class-name>org.postgresql.xa.PGXADataSource</class-name><url>" + url.replace("&", "&amp;")
                + "</url><user>postgres</user><password>unused-with-trust</password>" + pool
                + "</data-source></web-app>");
    }

    /** The application on the server's default data source, with these lines added to its {@code microprofile-config.properties}. */
    static WebArchive application(String name, String... configuration) {
        return base(name, configuration).addAsResource("it-persistence.xml", "META-INF/persistence.xml");
    }

    /**
     * The application with two persistence units, "app" (with actrack's mapping) and "reports", and these lines
     * added to its {@code microprofile-config.properties}.
     */
    static WebArchive twoUnits(String name, String... configuration) {
        return base(name, configuration).addAsResource("it-two-units-persistence.xml", "META-INF/persistence.xml");
    }

    /** The application without its persistence.xml, with these lines added to its {@code microprofile-config.properties}. */
    static WebArchive base(String name, String... configuration) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(Trains.class.getPackage())
                .addClasses(Member.class, Station.class, Train.class, Coach.class)
                .addClass(Wars.class)
                .addAsResource(
                        new StringAsset(resource("it-microprofile-config.properties") + String.join("\n", configuration)
                                + "\n"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsLibraries(jars("actrack.war-lib"))
                .addAsLibraries(jars("actrack.test-lib"));
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(Wars.class.getClassLoader().getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One jar of a directory, by the start of its name. */
    static File jar(String directoryProperty, String prefix) {
        File directory = new File(Objects.requireNonNull(System.getProperty(directoryProperty), directoryProperty));
        File[] jars = directory.listFiles((dir, file) -> file.startsWith(prefix) && file.endsWith(".jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("Expected one " + prefix + " jar in " + directory);
        }
        return jars[0];
    }

    private static File[] jars(String directoryProperty) {
        File directory = new File(Objects.requireNonNull(System.getProperty(directoryProperty), directoryProperty));
        File[] jars = directory.listFiles((dir, file) -> file.endsWith(".jar") && !file.startsWith("postgresql"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No jars in " + directory + "; run the build through Maven (mvn verify)");
        }
        Arrays.sort(jars);
        return jars;
    }
}
