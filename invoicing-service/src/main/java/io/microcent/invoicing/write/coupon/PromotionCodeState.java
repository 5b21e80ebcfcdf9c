package io.microcent.invoicing.write.coupon;

/** A promotion code of a coupon and how many customers redeemed the coupon with it. */
public record PromotionCodeState(PromotionCodeTerms terms, long timesRedeemed) {

    PromotionCodeState redeemedOnce() {
        return new PromotionCodeState(terms, timesRedeemed + 1);
    }
}
