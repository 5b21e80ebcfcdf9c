package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.Charge;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.UsageEvent;
import io.microcent.model.plan.pricing.AllowancePricer.AllowanceSplit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prices one usage event under a plan: each charge is the difference the event makes to its meter's
 * rounded period total ({@link UsagePricer#chargeBetween}), plus the event's provider cost with the
 * plan's markup when the plan passes tokens through. The base fee is not usage and is never on an event.
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
        Microcents charge = Microcents.ZERO;
        for (MeteredPricer metered : charges) {
            charge = charge.plus(metered.pricer().chargeBetween(before.of(metered.meter()), after.of(metered.meter())));
        }
        if (passThrough.isPresent()) {
            charge = charge.plus(passThrough.get().charge(exactCost));
        }
        AllowanceSplit requests = AllowancePricer.split(includedRequests, before.requests(), event.requests());
        return new EventCharge(after, requests.included(), requests.overage(), charge);
    }

    private record MeteredPricer(Meter meter, UsagePricer pricer) {
        static MeteredPricer of(Charge charge) {
            return new MeteredPricer(charge.meter(), UsagePricer.of(charge.model()));
        }
    }
}
