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
 */
public record RatedUsage(
        UsageEvent event,
        BillingPeriod period,
        PlanId plan,
        long includedRequests,
        long overageRequests,
        Microcents costMicrocents,
        Microcents chargeMicrocents) {

    public RatedUsage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(costMicrocents, "costMicrocents");
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
    }
}
