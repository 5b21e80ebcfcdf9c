package io.microcent.invoicing.write.coupon;

/** An event of a coupon's life, as stored in the event store. */
public interface CouponEvent {

    CouponCode coupon();
}
