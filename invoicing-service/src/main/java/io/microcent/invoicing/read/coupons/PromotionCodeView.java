package io.microcent.invoicing.read.coupons;

import java.time.Instant;

/** A promotion code as operators see it; {@code timesRedeemed} counts redemptions made with it. */
public record PromotionCodeView(String code, String coupon, Long maxRedemptions, Instant expiresAt,
                                boolean firstTimeOnly, Long minimumAmountMicrocents, long timesRedeemed,
                                Instant createdAt) {
}
