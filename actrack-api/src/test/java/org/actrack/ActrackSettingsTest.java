package org.actrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActrackSettingsTest {

    @Test
    void defaultsAreThoseOfTheSpec() {
        ActrackSettings settings = ActrackSettings.defaults();

        assertThat(settings.userType()).isEmpty();
        assertThat(settings.idMaxLength()).isEqualTo(64);
        assertThat(settings.trackUnread()).isTrue();
        assertThat(settings.autoRead()).isTrue();
        assertThat(settings.groupingDelaySeconds()).isZero();
        assertThat(settings.levels()).containsExactly(Level.NULL, Level.DEBUG, Level.HIDDEN, Level.INFO, Level.WARNING,
                Level.ERROR);
        assertThat(settings.defaultLevel()).isEqualTo(30);
        assertThat(settings.readableLevel()).isEqualTo(30);
        assertThat(settings.persistenceUnit()).isEmpty();
        assertThat(settings.cursorSecret()).isEmpty();
        assertThat(settings.restEnabled()).isTrue();
        assertThat(settings.restUserAttribute()).isEqualTo("name");
        assertThat(settings.restOpenStreams()).isFalse();
        assertThat(settings.restMaxLiveFeeds()).isEqualTo(5);
        assertThat(settings.restHeartbeatSeconds()).isEqualTo(20);
        assertThat(settings.restPollSeconds()).isEqualTo(2);
    }

    @Test
    void everyKeyIsReadFromTheLookup() {
        Map<String, String> config = Map.of(
                SettingKeys.USER_TYPE, "Member",
                SettingKeys.ID_MAX_LENGTH, "36",
                SettingKeys.TRACK_UNREAD, "false",
                SettingKeys.AUTO_READ, "FALSE",
                SettingKeys.GROUPING_DELAY, "60",
                SettingKeys.LEVELS, "LOW=1, MID=5, HIGH=9",
                SettingKeys.DEFAULT_LEVEL, "mid",
                SettingKeys.READABLE_LEVEL, "9",
                SettingKeys.PERSISTENCE_UNIT, "activity",
                SettingKeys.CURSOR_SECRET, "sixteen or more characters");

        ActrackSettings settings = ActrackSettings.from(key -> Optional.ofNullable(config.get(key)));

        assertThat(settings.userType()).contains("Member");
        assertThat(settings.idMaxLength()).isEqualTo(36);
        assertThat(settings.trackUnread()).isFalse();
        assertThat(settings.autoRead()).isFalse();
        assertThat(settings.groupingDelaySeconds()).isEqualTo(60);
        assertThat(settings.levels()).containsExactly(new Level("LOW", 1), new Level("MID", 5), new Level("HIGH", 9));
        assertThat(settings.defaultLevel()).isEqualTo(5);
        assertThat(settings.readableLevel()).isEqualTo(9);
        assertThat(settings.persistenceUnit()).contains("activity");
        assertThat(settings.cursorSecret()).contains("sixteen or more characters");
        assertThat(settings.toString()).as("the secret is never shown").doesNotContain("sixteen");
        assertThat(settings.level("high").value()).isEqualTo(9);
    }

    @Test
    void restKeysAreReadFromTheLookup() {
        Map<String, String> config = Map.of(SettingKeys.REST_ENABLED, "false", SettingKeys.REST_USER_ATTRIBUTE, " account.login ");

        ActrackSettings settings = ActrackSettings.from(key -> Optional.ofNullable(config.get(key)));

        assertThat(settings.restEnabled()).isFalse();
        assertThat(settings.restUserAttribute()).isEqualTo("account.login");
    }

    @Test
    void liveFeedKeysAreReadFromTheLookup() {
        Map<String, String> config = Map.of(SettingKeys.REST_OPEN_STREAMS, "true", SettingKeys.REST_MAX_LIVE_FEEDS, "12",
                SettingKeys.REST_HEARTBEAT_SECONDS, " 30 ", SettingKeys.REST_POLL_SECONDS, "0");

        ActrackSettings settings = ActrackSettings.from(key -> Optional.ofNullable(config.get(key)));

        assertThat(settings.restOpenStreams()).isTrue();
        assertThat(settings.restMaxLiveFeeds()).isEqualTo(12);
        assertThat(settings.restHeartbeatSeconds()).isEqualTo(30);
        assertThat(settings.restPollSeconds()).isZero();
    }

    @Test
    void liveFeedKeysOutOfRangeAreRefusedNamingTheKeyAndTheRange() {
        Map<String, String> wrong = Map.of(SettingKeys.REST_MAX_LIVE_FEEDS, "0", SettingKeys.REST_HEARTBEAT_SECONDS, "3601",
                SettingKeys.REST_POLL_SECONDS, "-1");
        wrong.forEach((key, value) -> assertThatThrownBy(() -> ActrackSettings.from(k -> Optional.ofNullable(k.equals(key) ? value : null)))
                .as(key).isInstanceOfSatisfying(ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining(key).hasMessageContaining(value).hasMessageContaining("from"));
        assertThatThrownBy(() -> ActrackSettings.from(k -> Optional.ofNullable(k.equals(SettingKeys.REST_OPEN_STREAMS) ? "maybe" : null)))
                .isInstanceOf(ActrackException.class).hasMessageContaining(SettingKeys.REST_OPEN_STREAMS);
    }

    @Test
    void aRestUserAttributeThatIsNoAttributeNameIsRefusedNamingTheKey() {
        for (String attribute : List.of("", "name = name", "name; DROP TABLE x", "1st", "a..b")) {
            assertThatThrownBy(() -> ActrackSettings.from(key -> Optional.ofNullable(SettingKeys.REST_USER_ATTRIBUTE.equals(key) ? attribute : null)))
                    .as(attribute).isInstanceOf(ActrackException.class).hasMessageContaining(SettingKeys.REST_USER_ATTRIBUTE);
        }
    }

    @Test
    void crossSiteNotificationAndChallengeKeysAreReadFromTheLookup() {
        Map<String, String> config = Map.of(SettingKeys.REST_ALLOWED_ORIGINS, " https://App.Example:443 , http://localhost:3000 ",
                SettingKeys.NOTIFY_CHANNEL, "", SettingKeys.REST_CHALLENGE, " Bearer ", SettingKeys.REST_LISTEN_URL,
                "jdbc:postgresql://db/app?password=hidden");

        ActrackSettings settings = ActrackSettings.from(key -> Optional.ofNullable(config.get(key)));

        assertThat(settings.restAllowedOrigins()).containsExactly("https://app.example", "http://localhost:3000");
        assertThat(settings.notifyChannel()).isEmpty();
        assertThat(settings.restChallenge()).isEqualTo("Bearer");
        assertThat(settings.restListenUrl()).contains("jdbc:postgresql://db/app?password=hidden");
        assertThat(settings.toString()).as("the URL may hold a password").doesNotContain("hidden");
    }

    @Test
    void notificationAndChallengeDefaults() {
        ActrackSettings settings = ActrackSettings.defaults();

        assertThat(settings.notifyChannel()).contains("actrack");
        assertThat(settings.restAllowedOrigins()).isEmpty();
        assertThat(settings.restChallenge()).isEqualTo("Session realm=\"actrack\"");
        assertThat(settings.restListenUrl()).isEmpty();
    }

    @Test
    void originsChannelsChallengesAndListenUrlsOfTheWrongFormAreRefusedNamingTheKey() {
        Map<String, List<String>> wrong = Map.of(SettingKeys.REST_ALLOWED_ORIGINS, List.of("app.example", "https://app.example/path",
                "ftp://app.example", "https://user@app.example", "https://app.example?x"), SettingKeys.NOTIFY_CHANNEL,
                List.of("1channel", "chan nel", "a".repeat(64), "x;NOTIFY y"), SettingKeys.REST_CHALLENGE, List.of(" ", "Basic\r\nSet-Cookie: x"),
                SettingKeys.REST_LISTEN_URL, List.of("jdbc:mariadb://db/app"));
        wrong.forEach((key, values) -> values.forEach(value -> assertThatThrownBy(
                () -> ActrackSettings.from(k -> Optional.ofNullable(k.equals(key) ? value : null))).as(key + "=" + value)
                .isInstanceOfSatisfying(ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                .hasMessageContaining(key)));
    }

    @Test
    void defaultAndReadableLevelsStayAtInfoWhenLevelsAreReplaced() {
        ActrackSettings settings = ActrackSettings.builder().levels(List.of(new Level("A", 1))).build();

        assertThat(settings.defaultLevel()).isEqualTo(30);
        assertThat(settings.readableLevel()).isEqualTo(30);
    }

    @Test
    void invalidValuesNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> ActrackSettings.from(key -> key.equals(SettingKeys.TRACK_UNREAD) ? Optional.of("yes")
                : Optional.empty())).isInstanceOf(ActrackException.class).hasMessageContaining("ACTRACK-002")
                .hasMessageContaining(SettingKeys.TRACK_UNREAD).hasMessageContaining("'yes'");
        assertThatThrownBy(() -> ActrackSettings.builder().idMaxLength(256)).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> ActrackSettings.builder().groupingDelaySeconds(-2)).hasMessageContaining("-2");
        assertThatThrownBy(() -> ActrackSettings.from(key -> key.equals(SettingKeys.LEVELS) ? Optional.of("A=1,B")
                : Optional.empty())).hasMessageContaining(SettingKeys.LEVELS);
        assertThatThrownBy(() -> ActrackSettings.builder().levels(List.of(new Level("A", 1), new Level("a", 2))))
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> ActrackSettings.builder().defaultLevel("LOUD").build())
                .hasMessageContaining(SettingKeys.DEFAULT_LEVEL).hasMessageContaining("LOUD");
    }

    @Test
    void unknownLevelNamesTheKnownOnes() {
        assertThatThrownBy(() -> ActrackSettings.defaults().level("LOUD")).isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-001").hasMessageContaining("WARNING(40)");
    }
}
