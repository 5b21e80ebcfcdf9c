package io.microcent.invoicing.write.redeemcoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.model.id.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Apply a coupon to a customer's invoices from now on.
 *
 * @param promotionCode the promotion code the customer gave (any case), or {@code null} for the coupon's own code
 */
public record RedeemCoupon(CouponCode coupon, String promotionCode, CustomerId customer, Instant requestedAt) {

    public RedeemCoupon {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return coupon.aggregateId();
    }

    /** The request field that named the coupon, for the errors about it. */
    String field() {
        return promotionCode == null ? "code" : "promotionCode";
    }
}
