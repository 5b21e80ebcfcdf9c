package io.microcent.invoicing.write.archivecoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponEvent;

import java.time.Instant;

/** A coupon can no longer be redeemed from {@code archivedAt} on; its redemptions keep applying. */
public record CouponArchived(CouponCode coupon, Instant archivedAt) implements CouponEvent {
}
