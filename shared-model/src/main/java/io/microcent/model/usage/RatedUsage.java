package io.microcent.model.usage;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.PlanCatalog;

import java.util.List;
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
 * @param charges           {@code chargeMicrocents} charge by charge of the plan, in plan order, each with the
 *                          event's quantity on its meter (a correction: the per-charge deltas, quantities 0);
 *                          the amounts add up to {@code chargeMicrocents}. Lines written before it existed read
 *                          as an empty list: read them through {@link #chargesOrLegacy}, never {@code charges} directly
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
        boolean correction,
        List<ChargeAmount> charges) {

    public RatedUsage {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(costMicrocents, "costMicrocents");
        Objects.requireNonNull(chargeMicrocents, "chargeMicrocents");
        charges = charges == null ? List.of() : List.copyOf(charges); // absent from lines written before it existed
        if (!charges.isEmpty() && !ChargeAmount.sum(charges).equals(chargeMicrocents)) {
            throw new IllegalArgumentException("the charges " + charges + " do not add up to " + chargeMicrocents);
        }
    }

    /** A line without its breakdown by charge (the contract before {@code charges} was added). */
    public RatedUsage(UsageEvent event, BillingPeriod period, PlanId plan, long includedRequests, long overageRequests,
                      Microcents costMicrocents, Microcents chargeMicrocents, boolean unpriced, boolean adjustment,
                      boolean correction) {
        this(event, period, plan, includedRequests, overageRequests, costMicrocents, chargeMicrocents, unpriced,
                adjustment, correction, List.of());
    }

    /** A line of usage, not a correction (the contract before {@code correction} was added). */
    public RatedUsage(UsageEvent event, BillingPeriod period, PlanId plan, long includedRequests, long overageRequests,
                      Microcents costMicrocents, Microcents chargeMicrocents, boolean unpriced, boolean adjustment) {
        this(event, period, plan, includedRequests, overageRequests, costMicrocents, chargeMicrocents, unpriced, adjustment, false, List.of());
    }

    /** A priced line billed in its own event's period (neither unpriced nor an adjustment). */
    public RatedUsage(UsageEvent event, BillingPeriod period, PlanId plan, long includedRequests, long overageRequests,
                      Microcents costMicrocents, Microcents chargeMicrocents) {
        this(event, period, plan, includedRequests, overageRequests, costMicrocents, chargeMicrocents, false, false, false, List.of());
    }

    /**
     * The line's charges, for every consumer that bills or sums them by charge: {@link #charges()} when the line
     * has them. A line written before the breakdown existed (an empty list) is one charge, the first of its plan
     * in {@code catalog} ({@link ChargeAmount#keysOf}; {@code requests} when the plan is unknown or has none),
     * carrying the whole {@code chargeMicrocents} and the event's quantity on that charge's meter; nothing when
     * the line charges nothing and its plan has no charge (which is also how a line of such a plan reads today).
     */
    public List<ChargeAmount> chargesOrLegacy(PlanCatalog catalog) {
        if (!charges.isEmpty()) {
            return charges;
        }
        List<String> planCharges = catalog.find(plan).map(ChargeAmount::keysOf).orElse(List.of());
        if (planCharges.isEmpty() && chargeMicrocents.isZero()) {
            return List.of();
        }
        String charge = planCharges.isEmpty() ? ChargeAmount.keyOf(Meter.REQUESTS) : planCharges.getFirst();
        return List.of(new ChargeAmount(charge, ChargeAmount.meterOf(charge).quantityOf(event), chargeMicrocents));
    }
}
