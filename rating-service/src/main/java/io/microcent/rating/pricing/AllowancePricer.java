package io.microcent.rating.pricing;

import io.microcent.model.plan.Plan;

/**
 * The plan rule "N requests a month included, then a price per request": splits an event's requests
 * into the part still covered by the allowance and the overage, and prices the overage.
 */
public final class AllowancePricer {

    private AllowancePricer() {
    }

    /**
     * @param consumedBefore requests the customer already used in the event's billing period
     * @param requests       the event's requests, not negative
     */
    public static AllowanceCharge price(Plan plan, long consumedBefore, long requests) {
        if (consumedBefore < 0 || requests < 0) {
            throw new IllegalArgumentException("request counts cannot be negative: consumed "
                    + consumedBefore + ", requests " + requests);
        }
        long remaining = Math.max(0, plan.includedRequests() - consumedBefore);
        long included = Math.min(requests, remaining);
        long overage = requests - included;
        return new AllowanceCharge(included, overage, plan.overagePerRequest().costOf(overage));
    }
}
