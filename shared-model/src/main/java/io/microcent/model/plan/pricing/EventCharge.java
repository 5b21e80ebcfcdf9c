package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;

/**
 * What one usage event owes under its plan.
 *
 * @param after            the period's running totals with the event counted
 * @param includedRequests the event's requests inside the plan's request allowance
 * @param overageRequests  the event's requests beyond it (all of them when the plan includes none)
 * @param charge           the sum of the plan's charges for the event, pass-through included
 */
public record EventCharge(MeterTotals after, long includedRequests, long overageRequests, Microcents charge) {
}
