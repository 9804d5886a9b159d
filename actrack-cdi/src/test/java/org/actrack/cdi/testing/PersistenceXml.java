/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.cdi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

/** An application's {@code META-INF/persistence.xml}, shown to a deployment through its context class loader. */
public final class PersistenceXml {

    private final URL descriptor;

    private PersistenceXml(URL descriptor) {
        this.descriptor = descriptor;
    }

    /** A descriptor declaring these {@code <persistence-unit>} elements. */
    public static PersistenceXml declaring(String units) {
        try {
            Path file = Files.createTempDirectory("actrack-descriptor").resolve("persistence.xml");
            Files.writeString(
                    file,
                    "<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\" version=\"3.0\">" + units
                            + "</persistence>");
            return new PersistenceXml(file.toUri().toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit that lists actrack's mapping file. */
    public static String unitWithActracksMapping(String name) {
        return "<persistence-unit name=\"" + name
                + "\"><mapping-file>META-INF/actrack-orm.xml</mapping-file></persistence-unit>";
    }

    /** Runs {@code work} with a context class loader that shows this descriptor as the application's only persistence.xml. */
    public <T> T during(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new ClassLoader(original) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals("META-INF/persistence.xml")
                        ? Collections.enumeration(List.of(descriptor))
                        : super.getResources(name);
            }
        });
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /** Runs {@code work} with a context class loader that shows this descriptor as the application's only persistence.xml. */
    public void during(Runnable work) {
        during(() -> {
            work.run();
            return null;
        });
    }
}
