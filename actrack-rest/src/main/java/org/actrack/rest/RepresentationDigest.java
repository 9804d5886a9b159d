/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The digest of a representation, for its entity tag: SHA-256, URL-safe Base64 without padding. */
final class RepresentationDigest {

    private RepresentationDigest() {}

    static String of(String representation) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(representation.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException unavailable) {
            // Every Java platform has SHA-256 (java.security.MessageDigest's documentation).
            throw new IllegalStateException(unavailable);
        }
    }
}
