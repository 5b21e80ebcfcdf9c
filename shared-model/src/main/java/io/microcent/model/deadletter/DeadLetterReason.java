package io.microcent.model.deadletter;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a record was set aside on {@code dead-letters} instead of being processed. The code travels in the
 * {@value DeadLetter#REASON} header; codes are stable and lowercase, operators and tools branch on them.
 */
public enum DeadLetterReason {
    /** The value could not be read (deserialized) at all; the original bytes are kept. */
    UNREADABLE,
    /** The record has a key but no value. */
    EVENT_MISSING,
    /** A contract version this consumer does not know. */
    SCHEMA_VERSION_UNSUPPORTED,
    /** The record key is not the event's customer, so the customer's allowance would be counted in the wrong task. */
    CUSTOMER_KEY_MISMATCH,
    /** A request or token count below zero. */
    QUANTITY_NEGATIVE,
    /** Counts so large that the period's totals or the charge would overflow (detected by rating's rules). */
    QUANTITY_OUT_OF_RANGE,
    /** No plan was published for the customer on {@code customer.plans}. */
    CUSTOMER_UNKNOWN,
    /** The customer's plan is not in the plan catalog. */
    PLAN_UNKNOWN,
    /** A sum overflowed while the record was applied (an {@link ArithmeticException}). */
    OVERFLOW,
    /** Text the database cannot store (a NUL character, an invalid byte sequence). */
    INVALID_TEXT,
    /** The database refused the record's data (a value out of range, a violated constraint). */
    DATABASE_REJECTED,
    /** Anything else that failed on this record and would fail again the same way. */
    PROCESSING_FAILED;

    /** The header value, e.g. {@code customer_unknown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of a {@link #code()}, empty for a code this version does not know. */
    public static Optional<DeadLetterReason> ofCode(String code) {
        for (DeadLetterReason reason : values()) {
            if (reason.code().equals(code)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
