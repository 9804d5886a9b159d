/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The configuration table of docs/reference.md says what {@link SettingKeys} declares: every engine setting, in order,
 * with its default and its line of documentation (actrack-rest checks its own rows the same way).
 */
class SettingsTableTest {

    /** A row of the table: the key, the default (backticks are formatting), the documentation. */
    static final Pattern ROW = Pattern.compile("^\\| `(actrack\\.[a-z.-]+)` \\| (.+?) \\| (.+) \\|$");

    @Test
    void theReferenceDocumentsEverySettingAsDeclared() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "docs", "reference.md")).stream()
                .map(ROW::matcher)
                .filter(Matcher::matches)
                // The modules' own settings are compared by their own tests (RestSettingsTest, KafkaSettingsTest,
                // JmsSettingsTest).
                .filter(row -> !row.group(1).startsWith("actrack.rest.")
                        && !row.group(1).startsWith("actrack.kafka.")
                        && !row.group(1).startsWith("actrack.jms."))
                .map(row -> row.group(1) + " | " + row.group(2).replace("`", "") + " | " + row.group(3))
                .toList();

        List<String> declared = SettingKeys.ALL.stream()
                .map(setting -> setting.key() + " | " + setting.defaultText() + " | " + setting.documentation())
                .toList();

        assertThat(documented).containsExactlyElementsOf(declared);
    }
}
