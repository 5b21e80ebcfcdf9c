package io.microcent.invoicing.write.createcoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.CouponTerms;

import java.time.Instant;

/** A coupon was created with these terms, at {@code createdAt} (the creating command's time). */
public record CouponCreated(CouponCode coupon, CouponTerms terms, Instant createdAt) implements CouponEvent {
}
