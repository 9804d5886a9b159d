/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The problem codes table of docs/http.md says exactly what {@link RestErrorCode} says. */
class RestErrorCodeTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(ACTRACK-9\\d{2})` \\| `(\\w+)` \\| .+\\|$");

    @Test
    void theHttpPageListsEveryProblemCodeWithItsNumber() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "docs", "http.md")).stream()
                .map(ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> row.group(1) + " " + row.group(2))
                .toList();

        List<String> declared = Arrays.stream(RestErrorCode.values())
                .map(code -> code.text() + " " + code.name())
                .toList();

        assertThat(documented).containsExactlyElementsOf(declared);
    }
}
