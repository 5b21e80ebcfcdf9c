package io.microcent.invoicing.write.createpromotioncode;

import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.CouponRejection;
import io.microcent.invoicing.write.coupon.CouponState;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;

import java.util.List;

/**
 * Decides whether a promotion code can be created for a coupon: the coupon exists and is not archived, the
 * code is new for it, and it does not outlive the coupon's own redeem-by date. That no other coupon has the
 * code is the promotion codes table's unique key, written in the same transaction
 * ({@code read/coupons/CouponsProjection}).
 */
public final class CreatePromotionCodeHandler {

    public List<CouponEvent> decide(CreatePromotionCode command, CouponState state) {
        if (!state.exists()) {
            throw CouponRejection.notFound("coupon", command.coupon());
        }
        if (state.archived()) {
            throw CouponRejection.archived("coupon", command.coupon());
        }
        PromotionCodeTerms code = command.promotionCode();
        if (state.promotionCode(code.code()).isPresent()) {
            throw CouponRejection.promotionCodeExists(code.code());
        }
        if (state.terms().redeemBy() != null && code.expiresAt() != null && code.expiresAt().isAfter(state.terms().redeemBy())) {
            throw CouponRejection.invalid("expiresAt", "expiresAt must not be after the coupon's redeemBy, "
                    + state.terms().redeemBy());
        }
        return List.of(new PromotionCodeCreated(command.coupon(), code, command.requestedAt()));
    }
}
