package io.microcent.ingest.events;

import io.microcent.model.error.ErrorCode;

/**
 * The stable reason codes of an event's {@link io.microcent.model.error.FieldError}s. Clients branch on
 * them, so they never change meaning.
 */
public final class FieldReasons {

    /** A required field is missing (or JSON null), or the body has no events at all. */
    public static final String REQUIRED = "required";
    /** An id is blank, too long or breaks the text rule ({@link io.microcent.model.id.IdRule}). */
    public static final String INVALID_ID = ErrorCode.INVALID_ID.code();
    /** The JSON type is not the one the field needs, e.g. a string or a fraction for a token count. */
    public static final String WRONG_TYPE = "wrong_type";
    /** A quantity is below zero. */
    public static final String NEGATIVE = "negative";
    /** A quantity is above its limit, or a batch has too many events. */
    public static final String TOO_LARGE = "too_large";
    /** A timestamp is not an ISO-8601 instant such as {@code 2025-01-31T12:00:00Z}. */
    public static final String INVALID_TIMESTAMP = "invalid_timestamp";
    /** A timestamp lies further ahead of the ingest clock than clocks plausibly drift. */
    public static final String TIMESTAMP_IN_FUTURE = "timestamp_in_future";
    /** A timestamp lies before the oldest billing period still open for late usage. */
    public static final String TIMESTAMP_TOO_OLD = "timestamp_too_old";
    /** The API key is scoped to another customer than the event's. */
    public static final String CUSTOMER_NOT_ALLOWED = "customer_not_allowed";
    /** No customer has this id (yet): it must be created in invoicing before events for it are taken. */
    public static final String CUSTOMER_NOT_FOUND = ErrorCode.CUSTOMER_NOT_FOUND.code();
    /** A CloudEvent of a specification version other than 1.0. */
    public static final String UNSUPPORTED_SPECVERSION = "unsupported_specversion";
    /** A provider usage object for a provider no adapter reads. */
    public static final String UNSUPPORTED_PROVIDER = "unsupported_provider";
    /** Both a provider usage object and token fields: which one counts would be a guess. */
    public static final String AMBIGUOUS_USAGE = "ambiguous_usage";
    /** A provider usage object with none of that provider's token counts, e.g. another provider's usage. */
    public static final String UNRECOGNIZED_USAGE = "unrecognized_usage";
    /** A provider usage object whose counts contradict each other, e.g. more cached tokens than prompt tokens. */
    public static final String INCONSISTENT_USAGE = "inconsistent_usage";

    /** More than {@link io.microcent.model.usage.Tag#MAX_PER_EVENT} distinct tags on one event. */
    public static final String TOO_MANY_TAGS = "too_many_tags";
    /** A tag that is not {@code key:value} with a lower-case key and a value under the text rule. */
    public static final String INVALID_TAG = "invalid_tag";

    private FieldReasons() {
    }
}
