/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
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
        assertThat(settings.levels())
                .containsExactly(Level.NULL, Level.DEBUG, Level.HIDDEN, Level.INFO, Level.WARNING, Level.ERROR);
        assertThat(settings.defaultLevel()).isEqualTo(30);
        assertThat(settings.readableLevel()).isEqualTo(30);
        assertThat(settings.persistenceUnit()).isEmpty();
        assertThat(settings.cursorSecret()).isEmpty();
        assertThat(settings.notifyChannel()).contains("actrack");
    }

    @Test
    void everyKeyIsReadFromTheLookup() {
        Map<String, String> config = Map.of(
                SettingKeys.USER_TYPE.key(), "Member",
                SettingKeys.ID_MAX_LENGTH.key(), "36",
                SettingKeys.TRACK_UNREAD.key(), "false",
                SettingKeys.AUTO_READ.key(), "FALSE",
                SettingKeys.GROUPING_DELAY.key(), "60",
                SettingKeys.LEVELS.key(), "LOW=1, MID=5, HIGH=9",
                SettingKeys.DEFAULT_LEVEL.key(), "mid",
                SettingKeys.READABLE_LEVEL.key(), "9",
                SettingKeys.PERSISTENCE_UNIT.key(), "activity",
                SettingKeys.CURSOR_SECRET.key(), "sixteen or more characters");

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
    void anEmptyNotifyChannelTurnsNotificationsOff() {
        ActrackSettings settings = ActrackSettings.from(
                key -> Optional.ofNullable(key.equals(SettingKeys.NOTIFY_CHANNEL.key()) ? "" : null));

        assertThat(settings.notifyChannel()).isEmpty();
    }

    @Test
    void channelsOfTheWrongFormAreRefusedNamingTheKey() {
        for (String value : List.of("1channel", "chan nel", "a".repeat(64), "x;NOTIFY y")) {
            assertThatThrownBy(() -> ActrackSettings.from(
                            k -> Optional.ofNullable(k.equals(SettingKeys.NOTIFY_CHANNEL.key()) ? value : null)))
                    .as(value)
                    .isInstanceOfSatisfying(
                            ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_SETTING))
                    .hasMessageContaining(SettingKeys.NOTIFY_CHANNEL.key());
        }
    }

    @Test
    void aCursorSecretTooShortIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> ActrackSettings.builder().cursorSecret("short secret"))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining(SettingKeys.CURSOR_SECRET.key())
                .hasMessageContaining("at least 16 characters")
                .hasMessageNotContaining("short secret");
    }

    @Test
    void defaultAndReadableLevelsStayAtInfoWhenLevelsAreReplaced() {
        ActrackSettings settings =
                ActrackSettings.builder().levels(List.of(new Level("A", 1))).build();

        assertThat(settings.defaultLevel()).isEqualTo(30);
        assertThat(settings.readableLevel()).isEqualTo(30);
    }

    @Test
    void invalidValuesNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> ActrackSettings.from(
                        key -> key.equals(SettingKeys.TRACK_UNREAD.key()) ? Optional.of("yes") : Optional.empty()))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-002")
                .hasMessageContaining(SettingKeys.TRACK_UNREAD.key())
                .hasMessageContaining("'yes'");
        assertThatThrownBy(() -> ActrackSettings.builder().idMaxLength(256)).hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> ActrackSettings.builder().groupingDelaySeconds(-2))
                .hasMessageContaining("-2");
        assertThatThrownBy(() -> ActrackSettings.from(
                        key -> key.equals(SettingKeys.LEVELS.key()) ? Optional.of("A=1,B") : Optional.empty()))
                .hasMessageContaining(SettingKeys.LEVELS.key());
        assertThatThrownBy(() -> ActrackSettings.builder().levels(List.of(new Level("A", 1), new Level("a", 2))))
                .hasMessageContaining("unique names");
        assertThatThrownBy(() -> ActrackSettings.builder().defaultLevel("LOUD").build())
                .hasMessageContaining(SettingKeys.DEFAULT_LEVEL.key())
                .hasMessageContaining("LOUD");
    }

    @Test
    void unknownLevelNamesTheKnownOnes() {
        assertThatThrownBy(() -> ActrackSettings.defaults().level("LOUD"))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-001")
                .hasMessageContaining("WARNING(40)");
    }
}
