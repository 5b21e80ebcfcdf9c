package io.microcent.caps.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The {@value #HEADER} header of every webhook delivery, in Stripe's scheme:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>}. The key is the whole secret string
 * ({@code whsec_…}) as UTF-8; the body is the raw request body exactly as received.
 *
 * <p>The timestamp is signed with the body, so a receiver that refuses old timestamps (five minutes is
 * the advice) cannot be fed a captured request again later. A receiver should also drop repeated
 * {@value #EVENT_ID_HEADER} values, because a delivery is retried until it is acknowledged.
 */
public final class WebhookSignature {

    public static final String HEADER = "Microcent-Signature";
    /** The alert id: the same for every attempt and replay of one alert, so receivers dedupe on it. */
    public static final String EVENT_ID_HEADER = "Microcent-Event-Id";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    static final String SECRET_PREFIX = "whsec_";

    private static final String SCHEME = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** A new signing secret: {@code whsec_} and 32 random bytes, base64url. */
    static String newSecret() {
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.randomBytes(32));
    }

    /** The header value for {@code body} sent at {@code time}. */
    public static String header(String secret, Instant time, String body) {
        long t = time.getEpochSecond();
        return "t=" + t + "," + SCHEME + "=" + hmac(secret, t, body);
    }

    /** True when {@code header} signs {@code body} with {@code secret} and its timestamp is within {@code tolerance} of now. */
    public static boolean verify(String secret, String header, String body, Duration tolerance) {
        return verify(secret, header, body, tolerance, Instant.now());
    }

    public static boolean verify(String secret, String header, String body, Duration tolerance, Instant now) {
        if (secret == null || header == null || body == null) {
            return false;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                return false;
            }
            String key = part.substring(0, equals).strip();
            String value = part.substring(equals + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("\\d{1,12}")) {
                    return false;
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals(SCHEME)) {
                signatures.add(value.toLowerCase(Locale.ROOT));
            }
            // other schemes are ignored, so a future v2 can be sent beside v1
        }
        if (timestamp == null || signatures.isEmpty()
                || Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        // constant time, so a signature cannot be guessed byte by byte from response times
        return signatures.stream().anyMatch(s -> MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String hmac(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
