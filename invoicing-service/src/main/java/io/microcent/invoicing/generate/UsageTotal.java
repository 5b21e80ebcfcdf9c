package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.BillingPeriod;

import java.util.Objects;

/**
 * Rating's figures for one charge over one period, as they stand now: the sum of the period's rated
 * {@code chargeMicrocents} for the charge, which rating made telescope exactly to the charge's period total.
 * The generator never re-prices usage; it bills these amounts and what changed in them since.
 *
 * @param quantity the period's quantity on the charge's meter (tokens for the pass-through), for the line
 */
public record UsageTotal(BillingPeriod period, ChargeKey charge, long quantity, Microcents chargeMicrocents) {

    public UsageTotal {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
        if (quantity < 0) {
            throw new IllegalArgumentException("a quantity cannot be negative, got " + quantity);
        }
    }
}
