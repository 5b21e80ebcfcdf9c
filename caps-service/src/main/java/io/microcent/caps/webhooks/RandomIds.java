package io.microcent.caps.webhooks;

import io.microcent.model.id.InvalidIdException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Prefixed random identifiers ({@code wh_3f9c…}) and the rule that checks them when they come back in a URL. */
final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SUFFIX = Pattern.compile("[0-9a-f]{1,64}");

    private RandomIds() {
    }

    static String next(String prefix) {
        return prefix + HexFormat.of().formatHex(randomBytes(12));
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Returns {@code raw} when it is {@code prefix} followed by lowercase hex; throws naming {@code kind} otherwise. */
    static String check(String kind, String prefix, String raw) {
        if (raw == null || !raw.startsWith(prefix) || !SUFFIX.matcher(raw.substring(prefix.length())).matches()) {
            throw new InvalidIdException(kind, "must look like " + prefix + "…");
        }
        return raw;
    }
}
