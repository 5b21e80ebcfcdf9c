package io.microcent.caps.api;

import io.microcent.model.caps.SpendState;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

/** The answer of {@code GET /v1/customers/{id}/spend}: a customer's spend so far in a period. */
public record SpendView(CustomerId customer, BillingPeriod period, Microcents chargeMicrocents,
                        Microcents costMicrocents, long requests) {

    public static SpendView of(SpendState state) {
        return new SpendView(state.customer(), state.period(), state.chargeMicrocents(), state.costMicrocents(), state.requests());
    }

    /** Nothing rated yet: every figure is zero. */
    public static SpendView none(CustomerId customer, BillingPeriod period) {
        return new SpendView(customer, period, Microcents.ZERO, Microcents.ZERO, 0);
    }
}
