package io.microcent.model.plan.pricing;

import io.microcent.model.money.Microcents;
import io.microcent.model.plan.ChargeModel;

import java.math.BigDecimal;

/**
 * A usage-based charge model as a function: the exact amount owed for a period's total quantity of the
 * charge's meter. Every pricer is pure and owes nothing for no usage ({@code total(0) = 0}).
 *
 * <p>One event is charged the difference it makes to the rounded period total:
 * {@code round(total(after)) − round(total(before))}, where {@code before} and {@code after} are the
 * period's running quantity before and after the event. The differences telescope, so a period's
 * event charges always add up to exactly {@code round(total(final quantity))}, whatever the order and
 * size of its events and however fine the prices. Each line is rounded once, by {@link Microcents#round}.
 */
public interface UsagePricer {

    /**
     * The exact amount, in microcents, for {@code quantity} units used in the period so far.
     *
     * @throws ArithmeticException when the amount is too large to be billed
     */
    BigDecimal total(long quantity);

    /**
     * What one event owes: the rounded period total after it minus the rounded total before it. Under
     * volume tiers this can be negative (the event moves the period into a cheaper tier).
     *
     * @throws ArithmeticException when a total does not fit in whole microcents
     */
    default Microcents chargeBetween(long before, long after) {
        if (before < 0 || after < before) {
            throw new IllegalArgumentException("a period's quantity only grows: " + before + " → " + after);
        }
        return Microcents.round(total(after)).minus(Microcents.round(total(before)));
    }

    /** The pricer of a charge model of the catalog. */
    static UsagePricer of(ChargeModel model) {
        return switch (model) {
            case ChargeModel.Allowance allowance -> new AllowancePricer(allowance.included(), allowance.unitPrice());
            case ChargeModel.GraduatedTiers graduated -> new GraduatedTiersPricer(graduated.tiers());
            case ChargeModel.VolumeTiers volume -> new VolumeTiersPricer(volume.tiers());
            case ChargeModel.PackagePrice pack -> new PackagePricer(pack.included(), pack.blockSize(), pack.blockPrice());
        };
    }
}
