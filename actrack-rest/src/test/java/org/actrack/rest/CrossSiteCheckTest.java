/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision of the cross-site guard, header by header. */
class CrossSiteCheckTest {

    private static final String OWN = "https://app.example";

    private final CrossSiteCheck check = new CrossSiteCheck(
            RestSettings.defaults().with(RestSettings.ALLOWED_ORIGINS, List.of("https://admin.example")));

    @Test
    void onlyStateChangesAreChecked() {
        assertThat(CrossSiteCheck.changesState("GET")).isFalse();
        assertThat(CrossSiteCheck.changesState("head")).isFalse();
        assertThat(CrossSiteCheck.changesState("OPTIONS")).isFalse();
        assertThat(CrossSiteCheck.changesState("POST")).isTrue();
        assertThat(CrossSiteCheck.changesState("PUT")).isTrue();
        assertThat(CrossSiteCheck.changesState("DELETE")).isTrue();
        assertThat(CrossSiteCheck.changesState("PATCH")).isTrue();
    }

    @Test
    void aNonSimpleRequestFromTheApplicationOrAnAllowedOriginPasses() {
        assertThat(check.refusal(OWN, OWN, "same-origin", null, "XMLHttpRequest"))
                .isEmpty();
        assertThat(check.refusal(OWN, "https://APP.example:443", null, "application/json", null))
                .isEmpty();
        assertThat(check.refusal(OWN, null, null, "application/merge-patch+json; charset=utf-8", null))
                .isEmpty();
        assertThat(check.refusal(OWN, "https://admin.example", "cross-site", null, "x"))
                .isEmpty();
        assertThat(check.refusal(OWN, null, "none", null, "x")).isEmpty();
    }

    @Test
    void anotherSiteAnOpaqueOriginOrASimpleRequestIsRefused() {
        assertThat(check.refusal(OWN, "https://evil.example", null, "application/json", "x"))
                .get()
                .asString()
                .contains("evil.example");
        assertThat(check.refusal(OWN, "null", null, null, "x")).get().asString().contains("opaque");
        assertThat(check.refusal(OWN, null, "cross-site", null, "x"))
                .get()
                .asString()
                .contains("another site");
        assertThat(check.refusal(OWN, null, "same-site", null, "x"))
                .get()
                .asString()
                .contains("another origin of this site");
        assertThat(check.refusal(OWN, OWN, "same-origin", "application/x-www-form-urlencoded", null))
                .get()
                .asString()
                .contains("X-Requested-With");
        assertThat(check.refusal(OWN, OWN, "same-origin", "text/plain", " ")).isPresent();
        assertThat(check.refusal(OWN, "http://app.example", null, null, "x"))
                .as("another scheme is another origin")
                .isPresent();
    }
}
