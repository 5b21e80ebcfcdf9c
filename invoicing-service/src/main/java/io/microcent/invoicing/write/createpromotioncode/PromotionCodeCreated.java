package io.microcent.invoicing.write.createpromotioncode;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;

import java.time.Instant;

/** A promotion code for {@code coupon} was created. */
public record PromotionCodeCreated(CouponCode coupon, PromotionCodeTerms promotionCode, Instant createdAt) implements CouponEvent {
}
