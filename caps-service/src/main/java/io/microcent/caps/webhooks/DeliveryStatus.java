package io.microcent.caps.webhooks;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Due at {@code nextAttemptAt}, or being attempted (then {@code nextAttemptAt} is when that claim expires). */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt failed, or the endpoint answered 410 Gone; only a replay sends it again. */
    FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
