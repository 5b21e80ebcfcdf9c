package io.microcent.invoicing.stripe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook payloads as Stripe does: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" with the secret>}. */
public final class StripeSignatures {

    public static final String WEBHOOK_SECRET = "whsec_microcent_stub_secret";

    private StripeSignatures() {
    }

    /** The {@code Stripe-Signature} header of {@code payload} signed at {@code at}. */
    public static String header(String payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hmac(t + "." + payload, secret);
    }

    static String hmac(String message, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
