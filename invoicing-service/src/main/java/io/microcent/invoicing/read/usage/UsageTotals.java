package io.microcent.invoicing.read.usage;

import io.microcent.model.money.Microcents;
import io.microcent.model.usage.RatedUsage;

/**
 * Rated usage summed over a customer's billing period.
 *
 * @param includedRequests requests covered by the plan's allowance
 * @param overageRequests  requests beyond it
 * @param charge           what the customer owes for the usage under its plan
 * @param cost             what the usage cost at the providers
 */
public record UsageTotals(long requests, long includedRequests, long overageRequests, Microcents charge, Microcents cost) {

    public static final UsageTotals NONE = new UsageTotals(0, 0, 0, Microcents.ZERO, Microcents.ZERO);

    /** The totals of one rated event. */
    public static UsageTotals of(RatedUsage usage) {
        return new UsageTotals(usage.event().requests(), usage.includedRequests(), usage.overageRequests(),
                usage.chargeMicrocents(), usage.costMicrocents());
    }

    public UsageTotals plus(UsageTotals other) {
        return new UsageTotals(
                Math.addExact(requests, other.requests),
                Math.addExact(includedRequests, other.includedRequests),
                Math.addExact(overageRequests, other.overageRequests),
                charge.plus(other.charge),
                cost.plus(other.cost));
    }
}
