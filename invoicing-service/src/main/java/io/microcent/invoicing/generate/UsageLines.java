package io.microcent.invoicing.generate;

import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Charge;
import io.microcent.model.plan.ChargeModel;
import io.microcent.model.plan.Plan;
import io.microcent.model.usage.BillingPeriod;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The usage lines an invoice owes, from rating's current totals: one {@code usage} line per charge for the
 * invoice's own period (so they add up to the period's rated charges exactly), and an {@code adjustment} line
 * for the difference wherever a period's total is no longer what finalized invoices billed for it (usage that
 * arrived after an early finalize, or a period no invoice billed). Only the totals given are compared: a
 * period without totals is taken as unchanged.
 */
final class UsageLines {

    private UsageLines() {
    }

    /** @param plan the plan the invoice's period ends on, whose charges name the usage lines */
    static List<InvoiceLine> owed(BillingPeriod period, Plan plan, List<UsageTotal> totals, Billed billed) {
        Map<BillingPeriod, Map<ChargeKey, UsageTotal>> byPeriod = byPeriod(totals);
        List<InvoiceLine> lines = new ArrayList<>();
        Map<ChargeKey, UsageTotal> current = byPeriod.getOrDefault(period, Map.of());
        for (ChargeKey charge : chargesOf(plan, current)) {
            UsageTotal total = current.getOrDefault(charge, new UsageTotal(period, charge, 0, Microcents.ZERO));
            BilledItem item = BilledItem.usage(period, charge);
            if (!billed.contains(item)) {
                lines.add(new InvoiceLine(LineKind.USAGE, "Usage " + period + ": " + describe(charge, plan),
                        total.quantity(), unitPrice(charge, plan), total.chargeMicrocents(), item));
            } else if (current.containsKey(charge)) {
                adjustment(total, billed).ifPresent(lines::add);
            }
        }
        byPeriod.forEach((earlier, charges) -> {
            if (earlier.compareTo(period) < 0) {
                charges.values().forEach(total -> adjustment(total, billed).ifPresent(lines::add));
            }
        });
        return lines;
    }

    private static Optional<InvoiceLine> adjustment(UsageTotal total, Billed billed) {
        BilledItem item = BilledItem.usage(total.period(), total.charge());
        Microcents difference = total.chargeMicrocents().minus(billed.amount(item).orElse(Microcents.ZERO));
        if (difference.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new InvoiceLine(LineKind.ADJUSTMENT,
                "Usage " + total.period() + ": " + total.charge() + " not billed before",
                Math.subtractExact(total.quantity(), billed.quantity(item)), Optional.empty(), difference, item));
    }

    /** Oldest period first; within one, charges by name. Rejects a charge given twice for one period. */
    private static Map<BillingPeriod, Map<ChargeKey, UsageTotal>> byPeriod(List<UsageTotal> totals) {
        Map<BillingPeriod, Map<ChargeKey, UsageTotal>> byPeriod = new TreeMap<>();
        for (UsageTotal total : totals.stream().sorted(Comparator.comparing(t -> t.charge().name())).toList()) {
            UsageTotal earlier = byPeriod.computeIfAbsent(total.period(), p -> new LinkedHashMap<>()).put(total.charge(), total);
            if (earlier != null) {
                throw new IllegalArgumentException("two usage totals for " + total.charge() + " in " + total.period());
            }
        }
        return byPeriod;
    }

    /** The plan's charges in its order, its pass-through, then any other charge with usage (never dropped). */
    private static List<ChargeKey> chargesOf(Plan plan, Map<ChargeKey, UsageTotal> current) {
        List<ChargeKey> charges = new ArrayList<>();
        plan.charges().forEach(charge -> charges.add(ChargeKey.of(charge.meter())));
        plan.tokenPassThrough().ifPresent(passThrough -> charges.add(ChargeKey.TOKEN_PASS_THROUGH));
        current.keySet().stream().filter(charge -> !charges.contains(charge)).forEach(charges::add);
        return charges;
    }

    private static Map<ChargeKey, ChargeModel> models(Plan plan) {
        Map<ChargeKey, ChargeModel> models = new HashMap<>();
        for (Charge charge : plan.charges()) {
            models.put(ChargeKey.of(charge.meter()), charge.model());
        }
        return models;
    }

    private static String describe(ChargeKey charge, Plan plan) {
        if (charge.equals(ChargeKey.TOKEN_PASS_THROUGH) && plan.tokenPassThrough().isPresent()) {
            return "tokens at provider cost + " + plan.tokenPassThrough().get().markup().movePointRight(2)
                    .stripTrailingZeros().toPlainString() + "%";
        }
        ChargeModel model = models(plan).get(charge);
        if (model == null) {
            return charge + " (rated on an earlier plan)";
        }
        return charge + ", " + switch (model) {
            case ChargeModel.Allowance allowance -> allowance.included() + " included, then per unit";
            case ChargeModel.GraduatedTiers graduated -> "graduated tiers";
            case ChargeModel.VolumeTiers volume -> "volume tiers";
            case ChargeModel.PackagePrice pack -> pack.included() + " included, then per block of " + pack.blockSize();
        };
    }

    private static Optional<Rate> unitPrice(ChargeKey charge, Plan plan) {
        return switch (models(plan).get(charge)) {
            case ChargeModel.Allowance allowance -> Optional.of(allowance.unitPrice());
            case ChargeModel.PackagePrice pack -> Optional.of(pack.blockPrice());
            case null, default -> Optional.empty();
        };
    }
}
