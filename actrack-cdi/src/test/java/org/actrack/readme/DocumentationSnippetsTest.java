/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of the README and of {@code docs/} is code of this package, which compiles: the block's
 * lines (trimmed, blank lines ignored) appear one after the other in one of its files. A line {@code …}
 * in a block skips to a later part of the same file, so a block can show a file's imports and then a method.
 */
class DocumentationSnippetsTest {

    private static final Path PROJECT = Path.of("..");
    private static final Path SOURCES = Path.of("src", "test", "java", "org", "actrack", "readme");

    @Test
    void everyJavaBlockOfTheDocumentationIsCompiledCode() throws IOException {
        List<List<String>> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(normalized(Files.readAllLines(file)));
            }
        }
        List<Path> documents = new ArrayList<>(List.of(PROJECT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(f -> f.toString().endsWith(".md")).sorted().forEach(documents::add);
        }

        List<String> notCompiled = new ArrayList<>();
        int blocks = 0;
        for (Path document : documents) {
            for (List<String> block : javaBlocks(Files.readAllLines(document))) {
                blocks++;
                if (sources.stream().noneMatch(source -> contains(source, block))) {
                    notCompiled.add(document.getFileName() + ": " + String.join(" / ", block));
                }
            }
        }
        assertThat(blocks).isGreaterThan(5);
        assertThat(notCompiled).isEmpty();
    }

    private static List<List<String>> javaBlocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : lines) {
            if (block == null && line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(normalized(block));
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    private static List<String> normalized(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Whether the block's parts, split at lines {@code …}, appear in order, each as consecutive lines. */
    private static boolean contains(List<String> source, List<String> block) {
        int from = 0;
        List<String> part = new ArrayList<>();
        for (String line : append(block, "…")) {
            if (!line.equals("…")) {
                part.add(line);
                continue;
            }
            int at = indexOf(source, part, from);
            if (at < 0) {
                return false;
            }
            from = at + part.size();
            part.clear();
        }
        return true;
    }

    private static List<String> append(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }

    private static int indexOf(List<String> source, List<String> part, int from) {
        for (int i = from; i + part.size() <= source.size(); i++) {
            if (source.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return part.isEmpty() ? from : -1;
    }
}
