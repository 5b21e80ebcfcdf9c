package io.microcent.rating.stream;

import io.microcent.model.plan.PlanCatalog;
import io.microcent.model.usage.LateUsagePolicy;
import io.microcent.rating.pricebook.PriceBookPricer;
import io.microcent.rating.pricing.CostPricer;

import java.util.Objects;

/**
 * What rating applies to each event.
 *
 * @param plans      the plans customers can be on
 * @param costs      the provider cost of an event, from the price book the topology holds
 * @param lateUsage  which billing period an event is rated in, from its event time and ingest time
 */
public record RatingRules(PlanCatalog plans, CostPricer costs, LateUsagePolicy lateUsage) {

    public RatingRules {
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(lateUsage, "lateUsage");
    }

    /** These plans, costs from the price book ({@link PriceBookPricer}), the default grace for late usage. */
    public static RatingRules of(PlanCatalog plans) {
        return new RatingRules(plans, PriceBookPricer.INSTANCE, LateUsagePolicy.DEFAULT);
    }
}
