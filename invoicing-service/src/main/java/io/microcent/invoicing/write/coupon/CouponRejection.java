package io.microcent.invoicing.write.coupon;

import io.microcent.model.error.ErrorCode;
import io.microcent.platform.axon.Rejection;

/** Why a coupon decision refused a command: one class, one factory per reason, each with its code and field. */
public final class CouponRejection extends Rejection {

    private CouponRejection(ErrorCode code, String field, String detail) {
        super(code, field, detail);
    }

    public static CouponRejection notFound(String field, CouponCode coupon) {
        return new CouponRejection(ErrorCode.COUPON_NOT_FOUND, field, "no coupon " + coupon);
    }

    public static CouponRejection exists(CouponCode coupon) {
        return new CouponRejection(ErrorCode.COUPON_EXISTS, "code", "coupon " + coupon + " already exists with other terms");
    }

    public static CouponRejection archived(String field, CouponCode coupon) {
        return new CouponRejection(ErrorCode.COUPON_EXPIRED, field, "coupon " + coupon + " is archived");
    }

    public static CouponRejection expired(String field, String what) {
        return new CouponRejection(ErrorCode.COUPON_EXPIRED, field, what + " can no longer be redeemed");
    }

    public static CouponRejection exhausted(String field, String what, long maxRedemptions) {
        return new CouponRejection(ErrorCode.COUPON_EXHAUSTED, field,
                what + " has reached its maximum of " + maxRedemptions + " redemptions");
    }

    public static CouponRejection alreadyRedeemed(String field, CouponCode coupon) {
        return new CouponRejection(ErrorCode.COUPON_ALREADY_REDEEMED, field, "the customer already redeemed coupon " + coupon);
    }

    public static CouponRejection notApplicable(String field, CouponCode coupon, String why) {
        return new CouponRejection(ErrorCode.COUPON_NOT_APPLICABLE, field, "coupon " + coupon + " " + why);
    }

    public static CouponRejection promotionCodeNotFound(String code) {
        return new CouponRejection(ErrorCode.PROMOTION_CODE_NOT_FOUND, "promotionCode", "no promotion code " + code);
    }

    public static CouponRejection promotionCodeExists(String code) {
        return new CouponRejection(ErrorCode.PROMOTION_CODE_EXISTS, "code", "promotion code " + code + " already exists");
    }

    public static CouponRejection promotionCodeNotEligible(String code) {
        return new CouponRejection(ErrorCode.PROMOTION_CODE_NOT_ELIGIBLE, "promotionCode",
                "promotion code " + code + " is for first-time customers only, and this customer has a finalized invoice");
    }

    public static CouponRejection invalid(String field, String detail) {
        return new CouponRejection(ErrorCode.VALIDATION_FAILED, field, detail);
    }
}
