/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every line actrack logs at ERROR carries an {@code ACTRACK-nnn} code, as {@link ErrorCode} promises, so that an
 * operator can look it up in docs/reference.md: the message of each ERROR log call in the main code of every module
 * is built from a problem enum ({@code …Problem.X.message(…)}) or an {@link ErrorCode}'s text.
 */
class ErrorLogLinesTest {

    /** A log call at ERROR (System.Logger or java.util.logging), up to the end of its statement. */
    private static final Pattern ERROR_LOG =
            Pattern.compile("(Level\\.ERROR|Level\\.SEVERE)\\s*,([^;]*);", Pattern.DOTALL);

    private static final Pattern CODED =
            Pattern.compile("Problem\\.\\w+\\.message\\(|ErrorCode\\.\\w+\\.text\\(\\)|\\.code\\(\\)\\.text\\(\\)");

    @Test
    void everyErrorLogLineCarriesAnActrackCode() throws IOException {
        List<String> uncoded = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path sources : modules.map(module -> module.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher call = ERROR_LOG.matcher(Files.readString(file));
                        while (call.find()) {
                            calls++;
                            if (!CODED.matcher(call.group(2)).find()) {
                                uncoded.add(
                                        file.getFileName() + ":" + call.group(2).strip());
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).as("ERROR log calls found").isGreaterThan(2);
        assertThat(uncoded).isEmpty();
    }
}
