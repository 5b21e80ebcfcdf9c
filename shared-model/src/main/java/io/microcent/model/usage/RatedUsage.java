package io.microcent.model.usage;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;

import java.util.Objects;

/**
 * A usage event after rating, as it travels on {@code usage.rated}.
 *
 * @param event             the usage fact, unchanged
 * @param period            the billing period the charge belongs to
 * @param plan              the customer's plan the event was rated under
 * @param includedRequests  requests of this event covered by the plan's allowance
 * @param overageRequests   requests of this event beyond the allowance
 * @param costMicrocents    what the call cost at the provider (price book); zero when the model has no price
 * @param chargeMicrocents  what the customer owes for this event under its plan
 * @param unpriced          true when the price book had no price for the event's model, so its cost is
 *                          zero for want of a price rather than because the call was free
 * @param adjustment        true when the usage belongs to a period that had closed by its ingest time and
 *                          is billed in {@code period}, a later one ({@link LateUsagePolicy.Placement})
 * @param correction        true when the line is not usage but a correction of an event already rated, written
 *                          by re-rating: its amounts and request split are deltas (new − rated so far) that
 *                          consumers add like any line, its event carries zero requests and tokens (so counts
 *                          are not doubled) and no reservation, and it is never {@code unpriced}
 */
public record RatedUsage(
        UsageEvent event,
        BillingPeriod period,
        PlanId plan,
        long includedRequests,
        long overageRequests,
        Microcents costMicrocents,
        Microcents chargeMicrocents,
        boolean unpriced,
        boolean adjustment,
        boolean correction) {

    public RatedUsage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(costMicrocents, "costMicrocents");
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
    }

    /** A line of usage, not a correction (the contract before {@code correction} was added). */
    public RatedUsage(UsageEvent event, BillingPeriod period, PlanId plan, long includedRequests, long overageRequests,
                      Microcents costMicrocents, Microcents chargeMicrocents, boolean unpriced, boolean adjustment) {
        this(event, period, plan, includedRequests, overageRequests, costMicrocents, chargeMicrocents, unpriced, adjustment, false);
    }

    /** A priced line billed in its own event's period (neither unpriced nor an adjustment). */
    public RatedUsage(UsageEvent event, BillingPeriod period, PlanId plan, long includedRequests, long overageRequests,
                      Microcents costMicrocents, Microcents chargeMicrocents) {
        this(event, period, plan, includedRequests, overageRequests, costMicrocents, chargeMicrocents, false, false, false);
    }
}
