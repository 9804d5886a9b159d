/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actrack.Setting;

/**
 * The settings table of docs/reference.md, for the optional modules' tests that check it documents their settings as
 * declared: each row as {@code key | default | documentation}, the default without its backticks.
 */
public final class ReferenceTable {

    private static final Pattern ROW = Pattern.compile("^\\| `(actrack\\.[a-z.-]+)` \\| (.+?) \\| (.+) \\|$");

    private ReferenceTable() {}

    /** The rows of the settings whose keys start with {@code prefix}, in the table's order. */
    public static List<String> documented(String prefix) throws IOException {
        return Files.readAllLines(Path.of("..", "docs", "reference.md")).stream()
                .map(ROW::matcher)
                .filter(Matcher::matches)
                .filter(row -> row.group(1).startsWith(prefix))
                .map(row -> row.group(1) + " | " + row.group(2).replace("`", "") + " | " + row.group(3))
                .toList();
    }

    /** The rows these settings should have, in their order. */
    public static List<String> declared(List<Setting<?>> settings) {
        return settings.stream()
                .map(setting -> setting.key() + " | " + setting.defaultText() + " | " + setting.documentation())
                .toList();
    }
}
