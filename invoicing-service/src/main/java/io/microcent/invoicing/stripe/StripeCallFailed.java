package io.microcent.invoicing.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;

import java.util.Optional;

/**
 * A Stripe request that did not succeed, in our words, and whether retrying it can help. Stripe's own
 * {@code Stripe-Should-Retry} answer header decides when present; otherwise connection failures, 409 (a request
 * with the same key still running, a lock), 429 and 5xx are retryable, and everything else (a refused key, a
 * refused parameter, a key reused with other parameters) is not.
 */
final class StripeCallFailed extends Exception {

    private final boolean retryable;

    private StripeCallFailed(String detail, boolean retryable) {
        super(detail, null, false, false);
        this.retryable = retryable;
    }

    /** {@code what}: the request in our words, e.g. "creating the Stripe invoice". */
    static StripeCallFailed of(String what, StripeException e) {
        if (e instanceof ApiConnectionException) {
            return new StripeCallFailed("Stripe could not be reached while " + what, true);
        }
        Integer status = e.getStatusCode();
        Optional<Boolean> stripeSays = shouldRetryHeader(e);
        boolean retryable = stripeSays.orElseGet(() -> status == null || status == 409 || status == 429 || status >= 500)
                && !(e instanceof IdempotencyException && status != null && status == 400);
        String code = e.getCode() == null ? "" : " " + e.getCode();
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? ": " + e.getStripeError().getMessage() : "";
        return new StripeCallFailed("Stripe answered " + (status == null ? "an error" : status) + code + " while " + what + message,
                retryable);
    }

    /** Not a Stripe answer: something of ours failed on the way (e.g. linking the customer). */
    static StripeCallFailed ours(String detail) {
        return new StripeCallFailed(detail, true);
    }

    /** Ours, and retrying will not change it. */
    static StripeCallFailed refused(String detail) {
        return new StripeCallFailed(detail, false);
    }

    boolean retryable() {
        return retryable;
    }

    private static Optional<Boolean> shouldRetryHeader(StripeException e) {
        if (e.getStripeError() == null || e.getStripeError().getLastResponse() == null) {
            return Optional.empty();
        }
        return e.getStripeError().getLastResponse().headers().firstValue("Stripe-Should-Retry").map(Boolean::parseBoolean);
    }
}
