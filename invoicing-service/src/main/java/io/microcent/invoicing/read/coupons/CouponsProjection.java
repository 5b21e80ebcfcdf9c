package io.microcent.invoicing.read.coupons;

import io.microcent.invoicing.write.archivecoupon.CouponArchived;
import io.microcent.invoicing.write.coupon.CouponRejection;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;
import io.microcent.invoicing.write.createcoupon.CouponCreated;
import io.microcent.invoicing.write.createpromotioncode.PromotionCodeCreated;
import io.microcent.invoicing.write.redeemcoupon.CouponRedeemed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jooq.DSLContext;

import static io.microcent.invoicing.db.Tables.COUPONS;
import static io.microcent.invoicing.db.Tables.COUPON_REDEMPTIONS;
import static io.microcent.invoicing.db.Tables.PROMOTION_CODES;
import static io.microcent.invoicing.read.coupons.StoredTerms.utc;

/**
 * Keeps {@code coupons}, {@code promotion_codes} and {@code coupon_redemptions} from the coupon events, in a
 * subscribing processor: in the transaction of the command that decided the event. Writes are idempotent
 * (a replay rewrites the same rows), and one write also decides: a promotion code another coupon already has
 * fails the command with {@code PROMOTION_CODE_EXISTS}, so it is rolled back with its event.
 */
@ProcessingGroup(CouponsProjection.PROCESSING_GROUP)
public final class CouponsProjection {

    public static final String PROCESSING_GROUP = "coupons";

    private final DSLContext db;

    /** @param db statements that join the current transaction */
    public CouponsProjection(DSLContext db) {
        this.db = db;
    }

    @EventHandler
    void on(CouponCreated event) {
        db.insertInto(COUPONS)
                .set(COUPONS.CODE, event.coupon().raw())
                .set(COUPONS.TERMS, StoredTerms.write(event.terms()))
                .set(COUPONS.CREATED_AT, utc(event.createdAt()))
                .onConflict(COUPONS.CODE)
                .doUpdate()
                .set(COUPONS.TERMS, StoredTerms.write(event.terms()))
                .set(COUPONS.CREATED_AT, utc(event.createdAt()))
                .execute();
    }

    @EventHandler
    void on(CouponArchived event) {
        db.update(COUPONS)
                .set(COUPONS.ARCHIVED_AT, utc(event.archivedAt()))
                .where(COUPONS.CODE.eq(event.coupon().raw()))
                .execute();
    }

    @EventHandler
    void on(PromotionCodeCreated event) {
        PromotionCodeTerms code = event.promotionCode();
        int inserted = db.insertInto(PROMOTION_CODES)
                .set(PROMOTION_CODES.CODE_KEY, code.key())
                .set(PROMOTION_CODES.CODE, code.code())
                .set(PROMOTION_CODES.COUPON, event.coupon().raw())
                .set(PROMOTION_CODES.MAX_REDEMPTIONS, code.maxRedemptions())
                .set(PROMOTION_CODES.EXPIRES_AT, utc(code.expiresAt()))
                .set(PROMOTION_CODES.FIRST_TIME_ONLY, code.firstTimeOnly())
                .set(PROMOTION_CODES.MINIMUM_AMOUNT_MICROCENTS, code.minimumAmountMicrocents())
                .set(PROMOTION_CODES.CREATED_AT, utc(event.createdAt()))
                .onConflict(PROMOTION_CODES.CODE_KEY)
                .doNothing()
                .execute();
        // a concurrent insert of the same key waits for the other transaction, then finds its row committed
        if (inserted == 0 && !event.coupon().raw().equals(db.select(PROMOTION_CODES.COUPON).from(PROMOTION_CODES)
                .where(PROMOTION_CODES.CODE_KEY.eq(code.key())).fetchOne(PROMOTION_CODES.COUPON))) {
            throw CouponRejection.promotionCodeExists(code.code());
        }
    }

    @EventHandler
    void on(CouponRedeemed event) {
        db.insertInto(COUPON_REDEMPTIONS)
                .set(COUPON_REDEMPTIONS.ID, event.redemption())
                .set(COUPON_REDEMPTIONS.COUPON, event.coupon().raw())
                .set(COUPON_REDEMPTIONS.CUSTOMER, event.customer().raw())
                .set(COUPON_REDEMPTIONS.PROMOTION_CODE, event.promotionCode())
                .set(COUPON_REDEMPTIONS.REDEEMED_AT, utc(event.redeemedAt()))
                .set(COUPON_REDEMPTIONS.ENDS_AT, utc(event.endsAt()))
                .set(COUPON_REDEMPTIONS.TERMS, StoredTerms.write(event.terms()))
                .set(COUPON_REDEMPTIONS.MINIMUM_AMOUNT_MICROCENTS, event.minimumAmountMicrocents())
                .onConflict(COUPON_REDEMPTIONS.ID)
                .doNothing()
                .execute();
    }
}
