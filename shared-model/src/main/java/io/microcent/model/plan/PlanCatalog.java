package io.microcent.model.plan;

import io.microcent.model.id.PlanId;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The plans customers can be on. Plans are data; {@link #defaults()} is the catalog Microcent ships with. */
public final class PlanCatalog {

    private final Map<PlanId, Plan> plans = new LinkedHashMap<>();

    public PlanCatalog(Collection<Plan> plans) {
        plans.forEach(plan -> this.plans.put(plan.id(), plan));
    }

    /** Starter, Growth and Enterprise, as sold. */
    public static PlanCatalog defaults() {
        return new PlanCatalog(java.util.List.of(
                new Plan(PlanId.of("starter"), "Starter", Microcents.ofDollars("9"), 1_000, Rate.ofDollars("0.01")),
                new Plan(PlanId.of("growth"), "Growth", Microcents.ofDollars("29"), 10_000, Rate.ofDollars("0.005")),
                new Plan(PlanId.of("enterprise"), "Enterprise", Microcents.ofDollars("99"), 100_000, Rate.ofDollars("0.002"))));
    }

    public Optional<Plan> find(PlanId id) {
        return Optional.ofNullable(plans.get(id));
    }

    public Collection<Plan> all() {
        return plans.values();
    }
}
