package io.microcent.model.caps;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's rated spend so far in one billing period, as caps keeps it (state store
 * {@code spend-by-period}, key {@link #key()}) and answers it on {@code GET /v1/customers/{id}/spend}.
 *
 * @param chargeMicrocents what the customer owes for the period's usage so far, under its plan
 * @param costMicrocents   what that usage cost at the providers (price book)
 * @param requests         requests counted so far
 * @param updatedAt        the Kafka timestamp (ingest time) of the last rated usage counted; not the wall
 *                         clock, so replaying {@code usage.rated} publishes the same states
 */
public record SpendState(
        CustomerId customer,
        BillingPeriod period,
        Microcents chargeMicrocents,
        Microcents costMicrocents,
        long requests,
        Instant updatedAt) {

    /** Separates the parts of a key; customer ids never contain it. */
    public static final char KEY_SEPARATOR = '|';

    public SpendState {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
        Objects.requireNonNull(costMicrocents, "costMicrocents");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The {@code caps.state} key of a customer's spend in a period: {@code <customer>|<period>}, e.g. {@code acme|2026-11}. */
    public static String keyOf(CustomerId customer, BillingPeriod period) {
        return customer.raw() + KEY_SEPARATOR + period;
    }

    public String key() {
        return keyOf(customer, period);
    }
}
