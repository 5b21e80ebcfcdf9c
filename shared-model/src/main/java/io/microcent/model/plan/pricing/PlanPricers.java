package io.microcent.model.plan.pricing;

import io.microcent.model.id.PlanId;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.PlanCatalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The pricer of every plan of a catalog, built once rather than per event. */
public final class PlanPricers {

    private final Map<PlanId, PlanPricer> pricers;

    public PlanPricers(PlanCatalog catalog) {
        this.pricers = catalog.all().stream().collect(Collectors.toUnmodifiableMap(Plan::id, PlanPricer::of));
    }

    public Optional<PlanPricer> find(PlanId plan) {
        return Optional.ofNullable(pricers.get(plan));
    }

    /** Every plan's pricer, e.g. to bound what a customer whose plan is not known yet may be charged. */
    public Collection<PlanPricer> all() {
        return pricers.values();
    }
}
