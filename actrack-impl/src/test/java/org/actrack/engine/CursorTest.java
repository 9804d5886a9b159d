/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.ActrackException;
import org.actrack.ActrackSettings;
import org.actrack.ErrorCode;
import org.actrack.engine.fixtures.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cursors are signed and bound to their query (spec §0.17): nothing but actrack's own cursor of the same query is a position. */
class CursorTest extends ActrackContractTest {

    private static final String SECRET = "a secret of the application, 32+";

    private User user;
    private String cursor;

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().cursorSecret(SECRET).build();
    }

    @BeforeEach
    void threePagesOfActions() {
        user = user("user");
        for (int i = 0; i < 6; i++) {
            log.log(user, i % 2 == 0 ? "even" : "odd");
        }
        cursor = log.actions(user).asActor().page(2).nextCursor();
    }

    @Test
    void theCursorOfAQueryContinuesThatQuery() {
        ActionPage second = log.actions(user).asActor().after(cursor).page(2);

        assertThat(second.actions()).hasSize(2);
        assertThat(second.hasNext()).isTrue();
    }

    @Test
    void aCursorMayBeGivenBeforeTheFilters() {
        String filtered = log.actions(user).asActor().verbs("even").page(1).nextCursor();

        assertThat(log.actions(user)
                        .asActor()
                        .after(filtered)
                        .verbs("even")
                        .page(5)
                        .actions())
                .hasSize(2);
    }

    @Test
    void anAlteredCursorIsRefused() {
        char[] characters = cursor.toCharArray();
        characters[10] = characters[10] == 'A' ? 'B' : 'A';

        assertRefused(log.actions(user).asActor(), new String(characters), "signature does not match");
    }

    @Test
    void aForgedCursorIsRefused() {
        byte[] forged = Base64.getUrlDecoder().decode(cursor);
        forged[forged.length - 1] ^= 1;
        String wellFormed = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);

        assertRefused(log.actions(user).asActor(), wellFormed, "signature does not match");
        String oldFormat =
                Base64.getUrlEncoder().withoutPadding().encodeToString("1:0:0:1".getBytes(StandardCharsets.US_ASCII));
        assertRefused(log.actions(user).asActor(), oldFormat, "not a cursor of this version");
        assertRefused(log.actions(user).asActor(), "not base64!", "not URL-safe base64");
    }

    @Test
    void theCursorOfAnotherQueryIsRefused() {
        User other = user("other");

        assertRefused(log.actions(other).asActor(), cursor, "belongs to another query");
        assertRefused(log.actions(user).all(), cursor, "belongs to another query");
        assertRefused(log.actions(user).asActor().verbs("even"), cursor, "belongs to another query");
        assertRefused(log.actions(user).feed(), cursor, "belongs to another query");
    }

    @Test
    void positionOfReadsWhereACursorStandsAndChecksItAsAfterDoes() {
        org.actrack.ActionQuery query = log.actions(user).asActor();
        org.actrack.Action second = query.list(2).get(1);

        assertThat(query.positionOf(cursor)).isEqualTo(org.actrack.ActionKey.of(second));
        assertThat(query.positionOf(query.cursorOf(second))).isEqualTo(org.actrack.ActionKey.of(second));
        assertThatThrownBy(() -> log.actions(user).all().positionOf(cursor))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR))
                .hasMessageContaining("belongs to another query");
        assertThatThrownBy(() -> query.positionOf(null))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    @Test
    void anEngineWithTheSameSecretAcceptsTheCursor() {
        ActionLog restarted = createLog(database.factory(), settings(), clock);

        assertThat(restarted.actions(user).asActor().after(cursor).page(2).actions())
                .hasSize(2);
    }

    @Test
    void anEngineWithAnotherSecretRefusesTheCursor() {
        ActionLog otherSecret = createLog(
                database.factory(),
                ActrackSettings.builder()
                        .cursorSecret("another secret, just as long")
                        .build(),
                clock);
        ActionLog generatedSecret = createLog(database.factory(), ActrackSettings.defaults(), clock);

        assertRefused(otherSecret.actions(user).asActor(), cursor, "signed with another actrack.cursor-secret");
        assertRefused(generatedSecret.actions(user).asActor(), cursor, "signed with another actrack.cursor-secret");
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> ActrackSettings.builder().cursorSecret("short secret"))
                .isInstanceOf(ActrackException.class)
                .hasMessageContaining("ACTRACK-002")
                .hasMessageContaining("actrack.cursor-secret")
                .hasMessageContaining("12 characters")
                .hasMessageNotContaining("short secret");
    }

    private static void assertRefused(org.actrack.ActionQuery query, String cursor, String reason) {
        assertThatThrownBy(() -> query.after(cursor).page(2))
                .isInstanceOfSatisfying(
                        ActrackException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR))
                .hasMessageContaining(reason);
    }
}
