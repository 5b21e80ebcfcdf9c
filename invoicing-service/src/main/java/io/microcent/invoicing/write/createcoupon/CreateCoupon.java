package io.microcent.invoicing.write.createcoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Create a coupon.
 *
 * @param acceptIdentical when the coupon exists with equal terms, do nothing instead of refusing: how the
 *                        service creates its shipped coupons at every start, from any number of instances
 */
public record CreateCoupon(CouponCode coupon, CouponTerms terms, Instant requestedAt, boolean acceptIdentical) {

    public CreateCoupon {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return coupon.aggregateId();
    }
}
