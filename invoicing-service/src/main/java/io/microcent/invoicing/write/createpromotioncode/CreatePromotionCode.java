package io.microcent.invoicing.write.createpromotioncode;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** Create a customer-facing code for a coupon. */
public record CreatePromotionCode(CouponCode coupon, PromotionCodeTerms promotionCode, Instant requestedAt) {

    public CreatePromotionCode {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(promotionCode, "promotionCode");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return coupon.aggregateId();
    }
}
