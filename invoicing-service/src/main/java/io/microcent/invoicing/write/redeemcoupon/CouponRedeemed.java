package io.microcent.invoicing.write.redeemcoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.model.id.CustomerId;

import java.time.Instant;

/**
 * A customer redeemed a coupon, directly or with one of its promotion codes. The event carries the coupon's
 * terms as they were, so the redemption applies the same way whatever happens to the coupon later.
 *
 * @param promotionCode           the promotion code as created, or {@code null}
 * @param endsAt                  for a repeating coupon, the first instant it no longer discounts; else {@code null}
 * @param minimumAmountMicrocents the promotion code's minimum subtotal, or {@code null}
 */
public record CouponRedeemed(CouponCode coupon, String redemption, CustomerId customer, String promotionCode,
                             Instant redeemedAt, Instant endsAt, CouponTerms terms, Long minimumAmountMicrocents)
        implements CouponEvent {
}
