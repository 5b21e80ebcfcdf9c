package io.microcent.rating.pricing;

import io.microcent.model.money.Microcents;

/**
 * How one event's requests fall against the plan's monthly allowance.
 *
 * @param includedRequests requests still inside the allowance: free
 * @param overageRequests  requests beyond it, charged at the plan's overage rate
 * @param charge           the overage requests times that rate, rounded once
 */
public record AllowanceCharge(long includedRequests, long overageRequests, Microcents charge) {
}
