package io.microcent.rating.analytics;

import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.rating.rollups.HourlyKey;
import io.microcent.rating.rollups.UsageCounters;

import java.util.List;

/**
 * The answer of {@code GET /v1/customers/{id}/usage/breakdown}: a customer's usage in a billing period per
 * provider and model, most expensive first. Usage is in the period it was rated in, so late usage counts in
 * the period that bills it, as on the invoice.
 */
public record UsageBreakdown(CustomerId customer, BillingPeriod period, List<ModelUsage> models) {

    /**
     * One model's usage. {@code model} and {@code provider} are left out when the usage did not name them.
     */
    public record ModelUsage(String model, String provider, long requests, long inputTokens, long outputTokens,
                             long cacheReadTokens, long cacheWriteTokens, Microcents costMicrocents,
                             Microcents chargeMicrocents) {

        /** From the stored values, where {@link HourlyKey#ABSENT} means not named. */
        static ModelUsage of(String model, String provider, UsageCounters counters) {
            return new ModelUsage(namedOrNull(model), namedOrNull(provider), counters.requests(), counters.inputTokens(),
                    counters.outputTokens(), counters.cacheReadTokens(), counters.cacheWriteTokens(), counters.cost(),
                    counters.charge());
        }

        private static String namedOrNull(String stored) {
            return HourlyKey.ABSENT.equals(stored) ? null : stored;
        }
    }
}
