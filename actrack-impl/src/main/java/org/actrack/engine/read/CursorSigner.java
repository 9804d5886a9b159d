/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.actrack.ActrackSettings;
import org.actrack.engine.Problem;

/**
 * Turns a {@link Keyset} position into an opaque cursor and back, refusing what actrack did not produce for
 * the same query.
 *
 * <p>A cursor is URL-safe base64 (no padding) of 41 bytes: a format version (2), the position (epoch
 * seconds, nanoseconds, action id), the first 4 bytes of the SHA-256 of the query's fingerprint (its kind,
 * object or user, and filters: {@link ActionQueryImpl}), and the first 16 bytes of an HMAC-SHA256 of all that,
 * keyed by {@code actrack.cursor-secret} (or a random key generated when the engine is built). Decoding checks
 * the length and version, then the HMAC (an altered, forged or foreign-secret cursor fails here), then the query
 * bytes (a genuine cursor of another query fails here), and says which in the {@code ACTRACK-114} message.
 */
public final class CursorSigner {

    private static final byte VERSION = 2;
    private static final int QUERY_BYTES = 4;
    private static final int MAC_BYTES = 16;
    private static final int PAYLOAD_BYTES = 1 + Long.BYTES + Integer.BYTES + Long.BYTES + QUERY_BYTES;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    private CursorSigner(byte[] secret) {
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException unavailable) {
            // HmacSHA256 is one of the algorithms every Java platform must support.
            throw new IllegalStateException(ALGORITHM + " is not available", unavailable);
        }
    }

    /** Keyed by the configured secret, or by 32 random bytes when none is configured. */
    public static CursorSigner of(ActrackSettings settings) {
        return new CursorSigner(settings.cursorSecret()
                .map(secret -> secret.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return random;
                }));
    }

    public String encode(Keyset position, String queryFingerprint) {
        ByteBuffer bytes = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES);
        bytes.put(VERSION)
                .putLong(position.timestamp().getEpochSecond())
                .putInt(position.timestamp().getNano())
                .putLong(position.id())
                .put(queryBytes(queryFingerprint));
        bytes.put(mac(bytes.array(), PAYLOAD_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    public Keyset decode(String cursor, String queryFingerprint) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException notBase64) {
            throw Problem.INVALID_CURSOR.exception(notBase64, cursor, "it is not URL-safe base64");
        }
        if (bytes.length != PAYLOAD_BYTES + MAC_BYTES || bytes[0] != VERSION) {
            throw Problem.INVALID_CURSOR.exception(cursor, "it is not a cursor of this version of actrack");
        }
        byte[] expected = mac(bytes, PAYLOAD_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length))) {
            throw Problem.INVALID_CURSOR.exception(
                    cursor,
                    "its signature does not match: it was altered, forged, or signed with another actrack.cursor-secret");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, PAYLOAD_BYTES - 1);
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        long id = buffer.getLong();
        byte[] query = new byte[QUERY_BYTES];
        buffer.get(query);
        if (!MessageDigest.isEqual(query, queryBytes(queryFingerprint))) {
            throw Problem.INVALID_CURSOR.exception(
                    cursor, "it belongs to another query (another object, user or filters)");
        }
        try {
            return new Keyset(Instant.ofEpochSecond(seconds, nanos), id);
        } catch (DateTimeException impossible) {
            throw Problem.INVALID_CURSOR.exception(impossible, cursor, "its position is out of range");
        }
    }

    private byte[] mac(byte[] bytes, int length) {
        Mac mac;
        try {
            // A keyed copy of the prototype: a Mac is not thread-safe, and looking one up and keying it costs more.
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            throw new IllegalStateException(
                    ALGORITHM + " of " + prototype.getProvider() + " cannot be copied", notCloneable);
        }
        mac.update(bytes, 0, length);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    private static byte[] queryBytes(String fingerprint) {
        try {
            return Arrays.copyOf(
                    MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8)),
                    QUERY_BYTES);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }
}
