package io.microcent.ingest.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an ingest API key: {@code mc_live_} followed by 32 random bytes in URL-safe base64.
 * It is shown once, when the key is created; only its SHA-256 is stored.
 *
 * <p>A plain SHA-256 is enough here, unlike for passwords: slow KDFs (bcrypt, Argon2) exist to make
 * guessing low-entropy, human-chosen secrets expensive, but a 256-bit random secret cannot be guessed
 * whatever the hash costs. A fast hash also keeps authentication cheap on the hot ingest path.
 */
public final class ApiKeySecret {

    public static final String PREFIX = "mc_live_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** The encoded length of every secret this class makes; anything else is refused without a lookup. */
    private static final int LENGTH = PREFIX.length() + ENCODER.encodeToString(new byte[RANDOM_BYTES]).length();

    private ApiKeySecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + ENCODER.encodeToString(bytes);
    }

    /** Cheap shape check, so that garbage tokens never reach the cache or the database. */
    public static boolean looksLikeSecret(String presented) {
        return presented.length() == LENGTH && presented.startsWith(PREFIX);
    }

    /** Lowercase hex of SHA-256 over the secret's UTF-8 bytes: what the database stores and is searched by. */
    public static String sha256Hex(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
