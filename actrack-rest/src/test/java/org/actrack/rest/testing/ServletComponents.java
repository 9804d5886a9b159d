/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest.testing;

import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.actrack.rest.ActrackRestApplication;

/** The servlet filters and listeners of actrack-rest, found by their annotations as a server's scan finds them. */
final class ServletComponents {

    private ServletComponents() {}

    static List<Class<?>> ofActrackRest() {
        try {
            Path classes = Path.of(ActrackRestApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path rest = classes.resolve("org/actrack/rest");
            try (Stream<Path> files = Files.walk(rest)) {
                return files.map(file -> classes.relativize(file).toString())
                        .filter(name -> name.endsWith(".class") && !name.contains("$"))
                        .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length())
                                .replace('/', '.')))
                        .filter(type -> type.isAnnotationPresent(WebFilter.class)
                                || type.isAnnotationPresent(WebListener.class))
                        .sorted(java.util.Comparator.comparing(Class<?>::getName))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
