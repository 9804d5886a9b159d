package org.actrack.it;

import java.io.File;
import java.util.Arrays;
import java.util.Objects;
import org.actrack.it.app.Member;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds WARs the way a user does: the application's classes and descriptors, and actrack's jars in
 * WEB-INF/lib exactly as Maven packaged them (copied by the build into target/war-lib).
 */
final class Wars {

    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
            + " bean-discovery-mode=\"annotated\"/>";

    private Wars() {
    }

    static WebArchive application(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addPackage(Member.class.getPackage())
                .addClass(Wars.class)
                .addAsResource("it-persistence.xml", "META-INF/persistence.xml")
                .addAsResource("it-microprofile-config.properties", "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml")
                .addAsLibraries(jars("actrack.war-lib"))
                .addAsLibraries(jars("actrack.test-lib"));
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
