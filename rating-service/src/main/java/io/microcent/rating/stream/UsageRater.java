package io.microcent.rating.stream;

import io.microcent.model.deadletter.DeadLetterReason;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.model.usage.CustomerPlan;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.model.usage.RatedUsage;
import io.microcent.model.usage.UsageBatch;
import io.microcent.model.usage.UsageEvent;
import io.microcent.rating.pricebook.PriceBook;
import io.microcent.rating.pricebook.ProviderCost;
import io.microcent.model.plan.pricing.EventCharge;
import io.microcent.model.plan.pricing.MeterTotals;
import io.microcent.model.plan.pricing.PlanPricer;
import io.microcent.model.plan.pricing.PlanPricers;

import java.util.Objects;
import java.util.Optional;

/**
 * The one rating function: what a usage event is worth under its customer's plan, given the totals of
 * the event's billing period so far. It reads nothing but its arguments and changes nothing, so the
 * topology ({@link RatingProcessor}, over its state stores) and re-rating (over a replay of the log) rate
 * an event the same way; the caller keeps the period totals a rated event returns.
 */
public final class UsageRater {

    /** The customer's current plan, looked up only once the event is known to be theirs; {@code null} when none. */
    @FunctionalInterface
    public interface Plans {
        CustomerPlan planOf(CustomerId customer);
    }

    /** The customer's running totals in a billing period before the event; {@link MeterTotals#NONE} for a new period. */
    @FunctionalInterface
    public interface PeriodTotals {
        MeterTotals before(BillingPeriod period);
    }

    /** A rated event with the period's totals to keep, or why the event cannot be rated. */
    public sealed interface Result {

        /** @param periodTotals the totals of {@code usage.period()} with the event counted */
        record Rated(RatedUsage usage, MeterTotals periodTotals) implements Result {
        }

        record Rejected(DeadLetterReason reason) implements Result {
        }
    }

    private final RatingRules rules;
    private final PlanPricers pricers;

    public UsageRater(RatingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.pricers = new PlanPricers(rules.plans());
    }

    public RatingRules rules() {
        return rules;
    }

    /**
     * The customer the event at {@code position} of a batch came under, which {@link #rate} checks against the
     * event: a record is keyed by its first event's customer (a record of one event, as written before batches
     * and by replays, by that event's), and every other event of a batch by its own, as its partition says.
     */
    public static CustomerId cameUnder(CustomerId recordKey, UsageBatch batch, int position) {
        return position == 0 ? recordKey : batch.events().get(position).customer();
    }

    /**
     * @param key    the customer the event came under (a batch's record key for its first event, else the event's
     *               own customer); it must be the event's customer
     * @param event  the event, {@code null} when the record had no value
     * @param prices the price book the event's provider cost is read from
     */
    public Result rate(CustomerId key, UsageEvent event, Plans plans, PeriodTotals totals, PriceBook prices) {
        if (event == null) {
            return new Result.Rejected(DeadLetterReason.EVENT_MISSING);
        }
        if (event.schemaVersion() != UsageEvent.SCHEMA_VERSION) {
            return new Result.Rejected(DeadLetterReason.SCHEMA_VERSION_UNSUPPORTED);
        }
        if (!event.customer().equals(key)) {
            return new Result.Rejected(DeadLetterReason.CUSTOMER_KEY_MISMATCH);
        }
        if (hasNegativeQuantity(event)) {
            return new Result.Rejected(DeadLetterReason.QUANTITY_NEGATIVE);
        }
        CustomerPlan customerPlan = plans.planOf(key);
        if (customerPlan == null) {
            return new Result.Rejected(DeadLetterReason.CUSTOMER_UNKNOWN);
        }
        Optional<PlanPricer> plan = pricers.find(customerPlan.plan());
        if (plan.isEmpty()) {
            return new Result.Rejected(DeadLetterReason.PLAN_UNKNOWN);
        }
        return rateUnderPlan(event, plan.get(), totals, prices);
    }

    private Result rateUnderPlan(UsageEvent event, PlanPricer plan, PeriodTotals totals, PriceBook prices) {
        // event time decides the period while it is open at ingest time; later usage is billed as an
        // adjustment in the period open at ingest time (never the rating clock, so replays agree)
        LateUsagePolicy.Placement placement = rules.lateUsage().periodFor(event.timestamp(), event.ingestedAt());
        BillingPeriod period = placement.period();
        MeterTotals before = Optional.ofNullable(totals.before(period)).orElse(MeterTotals.NONE);
        EventCharge charge;
        ProviderCost cost;
        try {
            cost = rules.costs().costOf(event, prices);
            charge = plan.price(before, event, cost.exactMicrocents());
        } catch (ArithmeticException e) {
            return new Result.Rejected(DeadLetterReason.QUANTITY_OUT_OF_RANGE);
        }
        return new Result.Rated(new RatedUsage(event, period, plan.plan().id(),
                charge.includedRequests(), charge.overageRequests(), cost.amount(), charge.charge(),
                cost.unpriced(), placement.adjustment(), false, charge.charges()), charge.after());
    }

    private static boolean hasNegativeQuantity(UsageEvent event) {
        return event.requests() < 0 || event.inputTokens() < 0 || event.outputTokens() < 0
                || event.cacheReadTokens() < 0 || event.cacheWriteTokens() < 0;
    }
}
