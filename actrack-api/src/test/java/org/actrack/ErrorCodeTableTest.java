/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table of error codes in docs/reference.md is the public list of them: it says exactly what {@link ErrorCode} says. */
class ErrorCodeTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(ACTRACK-\\d{3})` \\| `(\\w+)` \\| (yes)? *\\| .+\\|$");

    @Test
    void theReferenceListsEveryErrorCodeWithItsNumberAndWhetherItIsRetryable() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "docs", "reference.md")).stream()
                .map(ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> row.group(1) + " " + row.group(2) + (row.group(3) == null ? "" : " retryable"))
                .toList();

        List<String> declared = Arrays.stream(ErrorCode.values())
                .map(code -> code.text() + " " + code.name() + (code.isRetryable() ? " retryable" : ""))
                .toList();

        assertThat(documented).containsExactlyElementsOf(declared);
    }
}
