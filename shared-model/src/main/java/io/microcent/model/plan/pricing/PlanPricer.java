package io.microcent.model.plan.pricing;

import io.microcent.model.plan.Charge;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.ChargeAmount;
import io.microcent.model.usage.UsageEvent;
import io.microcent.model.plan.pricing.AllowancePricer.AllowanceSplit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices one usage event under a plan: each charge is the difference the event makes to its meter's
 * rounded period total ({@link UsagePricer#chargeBetween}), plus the event's provider cost with the
 * plan's markup when the plan passes tokens through. The base fee is not usage and is never on an event.
 * The charges are kept apart as well ({@link EventCharge#charges()}), so an invoice can bill each on its own line.
 */
public final class PlanPricer {

    private final Plan plan;
    private final long includedRequests;
    private final List<MeteredPricer> charges;
    private final Optional<TokenPassThroughPricer> passThrough;

    private PlanPricer(Plan plan) {
        this.plan = plan;
        this.includedRequests = plan.includedRequests();
        this.charges = plan.charges().stream().map(MeteredPricer::of).toList();
        this.passThrough = plan.tokenPassThrough().map(TokenPassThroughPricer::of);
    }

    public static PlanPricer of(Plan plan) {
        return new PlanPricer(Objects.requireNonNull(plan, "plan"));
    }

    public Plan plan() {
        return plan;
    }

    /**
     * @param before    the period's running totals before the event
     * @param exactCost the event's provider cost from the price book, in microcents, not yet rounded
     * @throws ArithmeticException when a total or the charge does not fit in a {@code long}
     */
    public EventCharge price(MeterTotals before, UsageEvent event, BigDecimal exactCost) {
        MeterTotals after = before.plus(event);
        List<ChargeAmount> amounts = new ArrayList<>(charges.size() + 1);
        for (MeteredPricer metered : charges) {
            long from = before.of(metered.meter());
            long to = after.of(metered.meter());
            amounts.add(new ChargeAmount(ChargeAmount.keyOf(metered.meter()), to - from,
                    metered.pricer().chargeBetween(from, to)));
        }
        if (passThrough.isPresent()) {
            amounts.add(new ChargeAmount(ChargeAmount.TOKEN_PASS_THROUGH, after.totalTokens() - before.totalTokens(),
                    passThrough.get().charge(exactCost)));
        }
        AllowanceSplit requests = AllowancePricer.split(includedRequests, before.requests(), event.requests());
        return new EventCharge(after, requests.included(), requests.overage(), ChargeAmount.sum(amounts), amounts);
    }

    private record MeteredPricer(Meter meter, UsagePricer pricer) {
        static MeteredPricer of(Charge charge) {
            return new MeteredPricer(charge.meter(), UsagePricer.of(charge.model()));
        }
    }
}
