package io.microcent.invoicing.write.archivecoupon;

import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.CouponRejection;
import io.microcent.invoicing.write.coupon.CouponState;

import java.util.List;

/** Archives an existing coupon; archiving it again changes nothing, so a retried request is harmless. */
public final class ArchiveCouponHandler {

    public List<CouponEvent> decide(ArchiveCoupon command, CouponState state) {
        if (!state.exists()) {
            throw CouponRejection.notFound("code", command.coupon());
        }
        if (state.archived()) {
            return List.of();
        }
        return List.of(new CouponArchived(command.coupon(), command.requestedAt()));
    }
}
