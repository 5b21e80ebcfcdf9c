package io.microcent.model.plan.pricing;

import io.microcent.model.plan.Tier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Graduated tiers: each unit of the period is priced at the rate of the tier it falls in, and each tier
 * the period reaches into (one unit or more) adds its flat fee once. The first 1,000 units at one price,
 * the next 9,000 at another, and so on.
 */
public record GraduatedTiersPricer(List<Tier> tiers) implements UsagePricer {

    public GraduatedTiersPricer {
        tiers = List.copyOf(tiers);
    }

    @Override
    public BigDecimal total(long quantity) {
        BigDecimal total = BigDecimal.ZERO;
        long tierStart = 0; // units before this tier
        for (Tier tier : tiers) {
            long unitsInTier = Math.min(quantity, tier.upTo()) - tierStart;
            if (unitsInTier <= 0) {
                break;
            }
            total = total.add(tier.unitPrice().exactCostOf(unitsInTier))
                    .add(BigDecimal.valueOf(tier.flatFee().value()));
            tierStart = tier.upTo();
        }
        return total;
    }
}
