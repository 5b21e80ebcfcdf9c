package io.microcent.invoicing.write.coupon;

import io.javalin.http.Context;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;

/** The coupon code of a {@code /v1/coupons/{code}} route: a malformed one is an invalid parameter. */
public final class CouponPaths {

    private CouponPaths() {
    }

    public static CouponCode code(Context ctx) {
        try {
            return CouponCode.of(ctx.pathParam("code"));
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("code", "code " + e.reason());
        }
    }
}
