package io.microcent.invoicing.read.coupons;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * A coupon as operators see it.
 *
 * @param timesRedeemed how many customers redeemed it (with its code or a promotion code)
 * @param archivedAt    when it was archived; absent while redeemable
 */
public record CouponView(String code, @JsonUnwrapped TermsView terms, Long maxRedemptions, Instant redeemBy,
                         long timesRedeemed, boolean archived, Instant archivedAt, Instant createdAt) {
}
