package io.pilotlight.util;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, stable fingerprints of strings: object names, cache keys. */
public final class Hashes {

    private Hashes() {
    }

    /** The first {@code bytes} bytes of the SHA-256 of the text, in lower-case hex. */
    public static String sha256Hex(String text, int bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, Math.min(bytes, digest.length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
