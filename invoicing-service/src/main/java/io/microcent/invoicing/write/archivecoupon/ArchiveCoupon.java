package io.microcent.invoicing.write.archivecoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Stop a coupon (and its promotion codes) from being redeemed. */
public record ArchiveCoupon(CouponCode coupon, Instant requestedAt) {

    public ArchiveCoupon {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return coupon.aggregateId();
    }
}
