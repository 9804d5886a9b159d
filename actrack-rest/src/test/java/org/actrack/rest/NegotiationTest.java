/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The representation chosen by the weights of {@code Accept}. */
class NegotiationTest {

    private static final List<MediaType> OFFERED = ActionPages.PAGE_TYPES;

    @Test
    void theServersFirstChoiceWithoutAcceptOrForAnything() {
        assertThat(choose(null)).contains(MediaType.APPLICATION_JSON_TYPE);
        assertThat(choose("*/*")).contains(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void theHeaviestAcceptableTypeWins() {
        assertThat(choose("application/json;q=0.5, application/activity+json")).contains(ActionPages.ACTIVITY_JSON);
        assertThat(choose("application/atom+xml, */*;q=0.1")).contains(MediaType.APPLICATION_ATOM_XML_TYPE);
    }

    @Test
    void aZeroWeightMeansNotAcceptableEvenUnderAWildcard() {
        assertThat(choose("application/json;q=0")).isEmpty();
        assertThat(choose("application/json;q=0, */*")).contains(ActionPages.ACTIVITY_JSON);
        assertThat(choose("application/*;q=0")).isEmpty();
    }

    @Test
    void aProfileMatchesOnlyItself() {
        assertThat(choose("application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""))
                .contains(ActionPages.LD_JSON);
        assertThat(choose("application/ld+json; profile=\"https://other.example\""))
                .isEmpty();
        assertThat(choose("application/ld+json")).contains(ActionPages.LD_JSON);
    }

    private static java.util.Optional<MediaType> choose(String accept) {
        HttpHeaders headers = (HttpHeaders) Proxy.newProxyInstance(
                HttpHeaders.class.getClassLoader(),
                new Class<?>[] {HttpHeaders.class},
                (proxy, method, arguments) ->
                        method.getName().equals("getRequestHeader") ? (accept == null ? null : List.of(accept)) : null);
        return Negotiation.choose(OFFERED, headers);
    }
}
