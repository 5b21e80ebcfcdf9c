package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.ChargeAmount;

import java.util.List;
import java.util.Objects;

/**
 * What one usage event owes under its plan.
 *
 * @param after            the period's running totals with the event counted
 * @param includedRequests the event's requests inside the plan's request allowance
 * @param overageRequests  the event's requests beyond it (all of them when the plan includes none)
 * @param charge           the sum of the plan's charges for the event, pass-through included
 * @param charges          the same, charge by charge in plan order (every charge of the plan, also at zero);
 *                         their amounts add up to {@code charge}
 */
public record EventCharge(MeterTotals after, long includedRequests, long overageRequests, Microcents charge,
                          List<ChargeAmount> charges) {

    public EventCharge {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(charge, "charge");
        charges = List.copyOf(charges);
        if (!ChargeAmount.sum(charges).equals(charge)) {
            throw new IllegalArgumentException("the charges " + charges + " do not add up to " + charge);
        }
    }
}
