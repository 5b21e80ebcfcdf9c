package io.microcent.model.plan.pricing;

import io.microcent.model.plan.Tier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Volume tiers: every unit of the period is priced at the rate of the one tier the period's total falls
 * in, plus that tier's flat fee; no usage owes nothing.
 *
 * <p>Because the tier of all units moves with the total, an event that takes the period into a cheaper
 * tier re-prices the units before it, and its charge ({@link #chargeBetween}) is negative: 1,000 units at
 * $0.01 are $10, but 1,001 units at $0.008 are $8.008, so the 1,001st unit is charged −$1.992. That keeps
 * the period's lines adding up to exactly the total of its final quantity.
 */
public record VolumeTiersPricer(List<Tier> tiers) implements UsagePricer {

    public VolumeTiersPricer {
        tiers = List.copyOf(tiers);
    }

    @Override
    public BigDecimal total(long quantity) {
        if (quantity == 0) {
            return BigDecimal.ZERO;
        }
        Tier tier = tierOf(quantity);
        return tier.unitPrice().exactCostOf(quantity).add(BigDecimal.valueOf(tier.flatFee().value()));
    }

    private Tier tierOf(long quantity) {
        // the catalog guarantees the last tier is unbounded, so every quantity has one
        return tiers.stream().filter(tier -> quantity <= tier.upTo()).findFirst().orElseThrow();
    }
}
