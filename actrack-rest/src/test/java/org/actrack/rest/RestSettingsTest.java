/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.actrack.ActrackException;
import org.actrack.ErrorCode;
import org.junit.jupiter.api.Test;

/** actrack-rest's settings: defaults, reading, refusals naming the key, and the documentation's rows. */
class RestSettingsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(actrack\\.rest\\.[a-z.-]+)` \\| (.+?) \\| (.+) \\|$");

    private static RestSettings read(Map<String, String> config) {
        return RestSettings.from(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        RestSettings settings = RestSettings.defaults();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.userAttribute()).isEqualTo("name");
        assertThat(settings.openStreams()).isFalse();
        assertThat(settings.maxLiveFeeds()).isEqualTo(5);
        assertThat(settings.heartbeatSeconds()).isEqualTo(20);
        assertThat(settings.pollSeconds()).isEqualTo(2);
        assertThat(settings.allowedOrigins()).isEmpty();
        assertThat(settings.challenge()).isEqualTo("Session realm=\"actrack\"");
        assertThat(settings.listenUrl()).isEmpty();
    }

    @Test
    void everyKeyIsReadFromTheLookup() {
        RestSettings settings = read(Map.of(
                RestSettings.ENABLED.key(),
                "false",
                RestSettings.USER_ATTRIBUTE.key(),
                " account.login ",
                RestSettings.OPEN_STREAMS.key(),
                "true",
                RestSettings.MAX_LIVE_FEEDS.key(),
                "12",
                RestSettings.HEARTBEAT_SECONDS.key(),
                " 30 ",
                RestSettings.POLL_SECONDS.key(),
                "0",
                RestSettings.ALLOWED_ORIGINS.key(),
                " https://App.Example:443 , http://localhost:3000 ",
                RestSettings.CHALLENGE.key(),
                " Bearer ",
                RestSettings.LISTEN_URL.key(),
                "jdbc:postgresql://db/app?password=hidden"));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.userAttribute()).isEqualTo("account.login");
        assertThat(settings.openStreams()).isTrue();
        assertThat(settings.maxLiveFeeds()).isEqualTo(12);
        assertThat(settings.heartbeatSeconds()).isEqualTo(30);
        assertThat(settings.pollSeconds()).isZero();
        assertThat(settings.allowedOrigins()).containsExactly("https://app.example", "http://localhost:3000");
        assertThat(settings.challenge()).isEqualTo("Bearer");
        assertThat(settings.listenUrl()).contains("jdbc:postgresql://db/app?password=hidden");
        assertThat(settings.toString()).as("the URL may hold a password").doesNotContain("hidden");
    }

    @Test
    void valuesOutOfRangeOrOfTheWrongFormAreRefusedNamingTheKey() {
        Map<String, List<String>> wrong = Map.of(
                RestSettings.MAX_LIVE_FEEDS.key(),
                List.of("0", "1001", "many"),
                RestSettings.HEARTBEAT_SECONDS.key(),
                List.of("3601"),
                RestSettings.POLL_SECONDS.key(),
                List.of("-1"),
                RestSettings.OPEN_STREAMS.key(),
                List.of("maybe"),
                RestSettings.USER_ATTRIBUTE.key(),
                List.of("", "name = name", "name; DROP TABLE x", "1st", "a..b"),
                RestSettings.ALLOWED_ORIGINS.key(),
                List.of(
                        "app.example",
                        "https://app.example/path",
                        "ftp://app.example",
                        "https://user@app.example",
                        "https://app.example?x"),
                RestSettings.CHALLENGE.key(),
                List.of(" ", "Basic\r\nSet-Cookie: x"),
                RestSettings.LISTEN_URL.key(),
                List.of("jdbc:mariadb://db/app"));
        wrong.forEach((key, values) -> values.forEach(value -> assertThatThrownBy(() -> read(Map.of(key, value)))
                .as(key + "=" + value)
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining(key)));
        assertThatThrownBy(() -> read(Map.of(RestSettings.MAX_LIVE_FEEDS.key(), "0")))
                .hasMessageContaining("from 1 to 1000");
    }

    @Test
    void theReferenceDocumentsEverySettingAsDeclared() throws IOException {
        List<String> documented = Files.readAllLines(Path.of("..", "docs", "reference.md")).stream()
                .map(ROW::matcher)
                .filter(Matcher::matches)
                .map(row -> row.group(1) + " | " + row.group(2).replace("`", "") + " | " + row.group(3))
                .toList();

        List<String> declared = RestSettings.ALL.stream()
                .map(setting -> setting.key() + " | " + setting.defaultText() + " | " + setting.documentation())
                .toList();

        assertThat(documented).containsExactlyElementsOf(declared);
    }
}
