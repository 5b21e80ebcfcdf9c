package io.microcent.caps.authorize;

import io.microcent.caps.spend.ScopeIds;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.ModelId;

import java.util.Objects;

/**
 * A call about to be made, as {@code /v1/authorize} is asked about it.
 *
 * @param scopes                the customer and the scopes the call's usage will carry
 * @param provider              who serves the model (e.g. {@code azure}), or {@code null}: as on the usage event, it
 *                              picks a provider's own price when the price book has one
 * @param model                 the model to be called, or {@code null}
 * @param estimatedInputTokens  the caller's estimate of the prompt's tokens
 * @param maxOutputTokens       the most the model may answer with (the call's {@code max_tokens})
 */
public record CallRequest(CustomerId customer, ScopeIds scopes, String provider, ModelId model, long estimatedInputTokens,
                          long maxOutputTokens) {

    public CallRequest {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(scopes, "scopes");
        if (estimatedInputTokens < 0 || maxOutputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** A call without a provider. */
    public CallRequest(CustomerId customer, ScopeIds scopes, ModelId model, long estimatedInputTokens, long maxOutputTokens) {
        this(customer, scopes, null, model, estimatedInputTokens, maxOutputTokens);
    }
}
