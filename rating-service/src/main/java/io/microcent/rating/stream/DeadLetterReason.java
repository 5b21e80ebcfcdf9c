package io.microcent.rating.stream;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Why a usage event went to {@code usage.dead-letter} instead of {@code usage.rated}. The code travels in
 * the {@value #HEADER} record header; codes are stable, consumers branch on them.
 */
public enum DeadLetterReason {
    /** The value could not be read as a usage event; the original bytes are kept. */
    UNREADABLE,
    /** The record has a key but no value. */
    EVENT_MISSING,
    /** A contract version this rating does not know. */
    SCHEMA_VERSION_UNSUPPORTED,
    /** The record key is not the event's customer, so the customer's allowance would be counted in the wrong task. */
    CUSTOMER_KEY_MISMATCH,
    /** A request or token count below zero. */
    QUANTITY_NEGATIVE,
    /** Counts so large that the period's totals or the charge would overflow. */
    QUANTITY_OUT_OF_RANGE,
    /** No plan was published for the customer on {@code customer.plans}. */
    CUSTOMER_UNKNOWN,
    /** The customer's plan is not in the plan catalog. */
    PLAN_UNKNOWN;

    public static final String HEADER = "microcent.reason";

    /** The header value, e.g. {@code customer_unknown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public byte[] headerValue() {
        return code().getBytes(StandardCharsets.UTF_8);
    }
}
