package io.microcent.invoicing.read.plans;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.microcent.model.money.Microcents;
import io.microcent.model.money.Rate;
import io.microcent.model.plan.Charge;
import io.microcent.model.plan.ChargeModel;
import io.microcent.model.plan.Meter;
import io.microcent.model.plan.Plan;
import io.microcent.model.plan.Tier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A plan of the catalog as {@code GET /v1/plans} shows it: money in decimal dollars as strings (as the catalog
 * is written), the fee also in microcents, and each charge with a sentence that explains it.
 */
public record PlanView(String id, String name, String monthlyFee, long monthlyFeeMicrocents, List<ChargeView> charges,
                       @JsonInclude(JsonInclude.Include.ALWAYS) PassThroughView tokenPassThrough) {

    /** One charge; which fields it has depends on {@code model} ({@code allowance}, {@code graduated}, {@code volume}, {@code package}). */
    public record ChargeView(String meter, String model, Long included, String unitPrice, List<TierView> tiers,
                             Long blockSize, String blockPrice, String explained) {
    }

    /** A tier; {@code upTo} is absent on the last, unbounded one. */
    public record TierView(Long upTo, String unitPrice, String flatFee) {
    }

    /** @param markup the fraction added to the provider cost, e.g. {@code 0.20} */
    public record PassThroughView(String markup, String explained) {
    }

    public static PlanView of(Plan plan) {
        return new PlanView(plan.id().raw(), plan.name(), dollars(plan.monthlyFee()), plan.monthlyFee().value(),
                plan.charges().stream().map(PlanView::charge).toList(),
                plan.tokenPassThrough().map(pass -> new PassThroughView(pass.markup().toPlainString(),
                        "provider cost of tokens plus " + percent(pass.markup()) + " %")).orElse(null));
    }

    private static ChargeView charge(Charge charge) {
        Meter meter = charge.meter();
        return switch (charge.model()) {
            case ChargeModel.Allowance a -> new ChargeView(meter.jsonName(), "allowance", a.included(), dollars(a.unitPrice()),
                    null, null, null, (a.included() > 0 ? count(a.included(), meter) + " included, then " : "")
                            + "$" + dollars(a.unitPrice()) + " per " + unit(meter));
            case ChargeModel.GraduatedTiers g -> new ChargeView(meter.jsonName(), "graduated", null, null, tiers(g.tiers()),
                    null, null, "each " + unit(meter) + " at the price of its tier: " + explainTiers(g.tiers(), meter));
            case ChargeModel.VolumeTiers v -> new ChargeView(meter.jsonName(), "volume", null, null, tiers(v.tiers()),
                    null, null, "every " + unit(meter) + " of the period at the price of the tier its total reaches: "
                            + explainTiers(v.tiers(), meter));
            case ChargeModel.PackagePrice p -> new ChargeView(meter.jsonName(), "package", p.included(), null, null,
                    p.blockSize(), dollars(p.blockPrice()), (p.included() > 0 ? count(p.included(), meter) + " included, then " : "")
                            + "$" + dollars(p.blockPrice()) + " per started block of " + count(p.blockSize(), meter));
        };
    }

    private static List<TierView> tiers(List<Tier> tiers) {
        return tiers.stream().map(tier -> new TierView(tier.isUnbounded() ? null : tier.upTo(), dollars(tier.unitPrice()),
                dollars(tier.flatFee()))).toList();
    }

    private static String explainTiers(List<Tier> tiers, Meter meter) {
        return tiers.stream().map(tier -> (tier.isUnbounded() ? "beyond" : "up to " + count(tier.upTo(), meter))
                        + " $" + dollars(tier.unitPrice()) + " per " + unit(meter)
                        + (tier.flatFee().isZero() ? "" : " plus $" + dollars(tier.flatFee()) + " once reached"))
                .collect(Collectors.joining(", "));
    }

    /** {@code 1,000 requests}, {@code 1 request}. */
    private static String count(long quantity, Meter meter) {
        return String.format(Locale.ROOT, "%,d", quantity) + " " + unit(meter) + (quantity == 1 ? "" : "s");
    }

    private static String unit(Meter meter) {
        return switch (meter) {
            case REQUESTS -> "request";
            case INPUT_TOKENS -> "input token";
            case OUTPUT_TOKENS -> "output token";
            case TOTAL_TOKENS -> "token";
        };
    }

    /** Exact dollars, at least two decimals: {@code 9.00}, {@code 0.005}. */
    static String dollars(Microcents amount) {
        return atLeastCents(amount.toDollars());
    }

    static String dollars(Rate rate) {
        return atLeastCents(rate.dollarsPerUnit());
    }

    private static String atLeastCents(BigDecimal dollars) {
        BigDecimal stripped = dollars.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
