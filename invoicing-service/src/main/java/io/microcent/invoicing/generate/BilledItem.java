package io.microcent.invoicing.generate;

import io.microcent.model.usage.BillingPeriod;

import java.time.Instant;
import java.util.Objects;

/**
 * What an invoice line bills, independent of its amount: the identity the generator compares with the lines
 * of finalized invoices, so an item is billed once however often the generator runs. Usage and its
 * adjustments share their item ({@code usage/2026-11/requests}): what is billed for it is their sum.
 */
public record BilledItem(String key) {

    public BilledItem {
        Objects.requireNonNull(key, "key");
    }

    static BilledItem baseFee(FeeTerm term) {
        return new BilledItem("base_fee/" + term.first() + "/" + term.months() + "m");
    }

    static BilledItem prorationCredit(Instant changeAt) {
        return new BilledItem("proration/" + changeAt + "/credit");
    }

    static BilledItem prorationCharge(Instant changeAt) {
        return new BilledItem("proration/" + changeAt + "/charge");
    }

    static BilledItem usage(BillingPeriod period, ChargeKey charge) {
        return new BilledItem("usage/" + period + "/" + charge);
    }

    static BilledItem discount(String redemptionId, BillingPeriod period) {
        return new BilledItem(discountPrefix(redemptionId) + period);
    }

    /** Whether this item is a discount of the redemption {@code redemptionId}, on any invoice. */
    boolean isDiscountOf(String redemptionId) {
        return key.startsWith(discountPrefix(redemptionId));
    }

    private static String discountPrefix(String redemptionId) {
        return "discount/" + redemptionId + "/";
    }

    @Override
    public String toString() {
        return key;
    }
}
