package io.microcent.invoicing.write.coupon;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer-facing code for a coupon, with limits of its own on top of the coupon's.
 *
 * @param code                    as created; codes are matched regardless of case ({@link #key})
 * @param maxRedemptions          optional, at least 1: how many customers may redeem the coupon with this code
 * @param expiresAt               optional: redemptions with this code are refused from this instant on
 * @param firstTimeOnly           only customers without a finalized invoice may use it
 * @param minimumAmountMicrocents optional, positive: the discount applies only to invoices whose subtotal
 *                                (base fee, proration and usage, before discounts) is at least this
 */
public record PromotionCodeTerms(String code, Long maxRedemptions, Instant expiresAt, boolean firstTimeOnly,
                                 Long minimumAmountMicrocents) {

    public PromotionCodeTerms {
        code = CouponCode.check("code", code);
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw new IllegalArgumentException("maxRedemptions must be at least 1");
        }
        if (minimumAmountMicrocents != null && minimumAmountMicrocents < 1) {
            throw new IllegalArgumentException("minimumAmountMicrocents must be positive");
        }
    }

    /** Promotion codes are one per spelling regardless of case: {@code LAUNCH} and {@code launch} are one code. */
    public static String key(String code) {
        return Objects.requireNonNull(code, "code").toLowerCase(Locale.ROOT);
    }

    public String key() {
        return key(code);
    }

    public boolean redeemableAt(Instant at) {
        return expiresAt == null || at.isBefore(expiresAt);
    }
}
