package io.microcent.invoicing.write.redeemcoupon;

import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.model.id.CustomerId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A redemption's id: {@code rd_} and a name-based UUID of (coupon, customer). A customer redeems a coupon
 * at most once, so the pair names the redemption, and the id is derived rather than drawn.
 */
public final class RedemptionId {

    private RedemptionId() {
    }

    public static String of(CouponCode coupon, CustomerId customer) {
        String name = "microcent-redemption\u0000" + coupon.raw() + "\u0000" + customer.raw();
        return "rd_" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
