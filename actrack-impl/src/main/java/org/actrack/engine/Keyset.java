package org.actrack.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in the newest-first order (timestamp, id): the last action of a page. Encoded as an
 * opaque, URL-safe cursor.
 */
record Keyset(Instant timestamp, long id) {

    private static final String VERSION = "1";

    String encode() {
        String plain = VERSION + ":" + timestamp.getEpochSecond() + ":" + timestamp.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static Keyset decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw Problem.INVALID_CURSOR.exception(cursor);
            }
            return new Keyset(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    Long.parseLong(parts[3]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw Problem.INVALID_CURSOR.exception(e, cursor);
        }
    }
}
