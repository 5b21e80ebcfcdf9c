package io.microcent.invoicing.stripe;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a finalized invoice stands with Stripe. */
public enum StripeSyncStatus {
    /** Finalized while Stripe sync was off; an operator's sync request sends it once sync is on. */
    OFF,
    /** Waiting for its (next) sync pass. */
    PENDING,
    /** Stripe holds the finalized Stripe invoice with one item per line. */
    SYNCED,
    /** Stripe refused a request in a way retrying will not change; {@code last_error} says what. An operator can retry. */
    FAILED,
    /** Nothing to collect (amount due 0): nothing is sent to Stripe. */
    NOT_REQUIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StripeSyncStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
