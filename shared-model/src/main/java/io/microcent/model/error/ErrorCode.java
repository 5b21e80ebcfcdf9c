package io.microcent.model.error;

/**
 * The stable codes of Microcent's problem+json errors. Clients branch on {@code code}; the codes never
 * change meaning. Each code's problem type is {@code https://microcent.io/problems/<code>}.
 */
public enum ErrorCode {
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    BAD_REQUEST(400, "The request is not valid HTTP"),
    VALIDATION_FAILED(422, "The request has invalid fields"),
    /**
     * An id or name broke {@link io.microcent.model.id.IdRule} (blank, too long, malformed Unicode, control or
     * bidi characters). Also the {@code code} of the field errors of a {@link #VALIDATION_FAILED} problem.
     */
    INVALID_ID(422, "An id or name is not well-formed"),
    INVALID_PARAMETER(400, "A query or path parameter is invalid"),
    UNAUTHENTICATED(401, "Missing or invalid credentials"),
    FORBIDDEN(403, "These credentials may not do this"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    CONFLICT(409, "The resource already exists or changed meanwhile"),
    REQUEST_TIMEOUT(408, "The request did not arrive in time"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported content type"),
    /** Also the {@code code} of a field error (422) naming a customer that does not exist, e.g. an event's. */
    CUSTOMER_NOT_FOUND(404, "No such customer"),
    CUSTOMER_EXISTS(409, "A customer with this id already exists"),
    UNKNOWN_PLAN(422, "No such plan in the catalog"),
    HEADERS_TOO_LARGE(431, "The request headers are too large"),
    /** A request in a protocol version the server does not speak (HTTP/0.9, or a request line without a path). */
    HTTP_VERSION_NOT_SUPPORTED(505, "HTTP version not supported"),
    SERVICE_UNAVAILABLE(503, "A dependency is unavailable; retry later"),
    INTERNAL_ERROR(500, "Unexpected error"),
    CAP_NOT_FOUND(404, "No such cap"),
    COUPON_NOT_FOUND(404, "No such coupon"),
    COUPON_EXISTS(409, "A coupon with this code already exists"),
    /** The coupon or promotion code is restricted to other plans or billing intervals, or below its minimum. */
    COUPON_NOT_APPLICABLE(422, "The coupon does not apply to this customer"),
    /** The coupon or promotion code reached its maximum number of redemptions. */
    COUPON_EXHAUSTED(409, "The coupon has no redemptions left"),
    /** The coupon's {@code redeemBy} or the promotion code's {@code expiresAt} has passed, or it is archived. */
    COUPON_EXPIRED(409, "The coupon can no longer be redeemed"),
    COUPON_ALREADY_REDEEMED(409, "The customer already redeemed this coupon"),
    PROMOTION_CODE_NOT_FOUND(404, "No such promotion code"),
    PROMOTION_CODE_EXISTS(409, "A promotion code with this code already exists"),
    /** A first-time-only promotion code, for a customer that already has a finalized invoice. */
    PROMOTION_CODE_NOT_ELIGIBLE(409, "The customer is not eligible for this promotion code"),
    INVOICE_NOT_FOUND(404, "No such invoice"),
    /** The invoice is not in a status that allows this (e.g. finalizing a paid invoice, voiding a paid one). */
    INVOICE_STATE_CONFLICT(409, "The invoice's status does not allow this"),
    /** A Stripe webhook whose signature is missing, forged or outside the tolerance. */
    WEBHOOK_SIGNATURE_INVALID(400, "The webhook signature does not verify"),
    /** Stripe sync is off ({@code MICROCENT_STRIPE_API_KEY} unset) or no webhook secret is configured. */
    STRIPE_NOT_CONFIGURED(409, "Stripe is not configured");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The code as clients see it, e.g. {@code validation_failed}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return "https://microcent.io/problems/" + code().replace('_', '-');
    }
}
