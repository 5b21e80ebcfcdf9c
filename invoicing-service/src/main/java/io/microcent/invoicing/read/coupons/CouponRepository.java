package io.microcent.invoicing.read.coupons;

import io.microcent.invoicing.db.tables.records.CouponsRecord;
import io.microcent.invoicing.db.tables.records.PromotionCodesRecord;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.COUPONS;
import static io.microcent.invoicing.db.Tables.COUPON_REDEMPTIONS;
import static io.microcent.invoicing.db.Tables.PROMOTION_CODES;
import static io.microcent.invoicing.read.coupons.StoredTerms.instant;

/** Queries of the coupons and promotion codes read models. */
public final class CouponRepository {

    private static final Field<Integer> COUPON_REDEEMED = DSL.field(DSL.selectCount().from(COUPON_REDEMPTIONS)
            .where(COUPON_REDEMPTIONS.COUPON.eq(COUPONS.CODE))).as("times_redeemed");
    private static final Field<Integer> CODE_REDEEMED = DSL.field(DSL.selectCount().from(COUPON_REDEMPTIONS)
            .where(COUPON_REDEMPTIONS.COUPON.eq(PROMOTION_CODES.COUPON))
            .and(COUPON_REDEMPTIONS.PROMOTION_CODE.eq(PROMOTION_CODES.CODE))).as("times_redeemed");

    private final DSLContext db;

    public CouponRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<CouponView> find(CouponCode code) {
        return db.select(COUPONS.fields()).select(COUPON_REDEEMED).from(COUPONS)
                .where(COUPONS.CODE.eq(code.raw())).fetchOptional(CouponRepository::toCoupon);
    }

    /** Every coupon, by code. */
    public List<CouponView> all() {
        return db.select(COUPONS.fields()).select(COUPON_REDEEMED).from(COUPONS)
                .orderBy(COUPONS.CODE).fetch(CouponRepository::toCoupon);
    }

    /** The coupon of the promotion code spelled {@code code} in any case. */
    public Optional<CouponCode> couponOfPromotionCode(String code) {
        return db.select(PROMOTION_CODES.COUPON).from(PROMOTION_CODES)
                .where(PROMOTION_CODES.CODE_KEY.eq(PromotionCodeTerms.key(code)))
                .fetchOptional(row -> CouponCode.of(row.value1()));
    }

    public Optional<PromotionCodeView> promotionCode(String code) {
        return promotionCodes(PROMOTION_CODES.CODE_KEY.eq(PromotionCodeTerms.key(code))).stream().findFirst();
    }

    /** Promotion codes by code, of one coupon or (empty) of every coupon. */
    public List<PromotionCodeView> promotionCodes(Optional<CouponCode> coupon) {
        return promotionCodes(coupon.map(c -> PROMOTION_CODES.COUPON.eq(c.raw())).orElse(DSL.noCondition()));
    }

    private List<PromotionCodeView> promotionCodes(Condition condition) {
        return db.select(PROMOTION_CODES.fields()).select(CODE_REDEEMED).from(PROMOTION_CODES)
                .where(condition).orderBy(PROMOTION_CODES.CODE_KEY).fetch(CouponRepository::toPromotionCode);
    }

    private static CouponView toCoupon(Record row) {
        CouponsRecord coupon = row.into(COUPONS);
        CouponTerms terms = StoredTerms.read(coupon.getTerms());
        return new CouponView(coupon.getCode(), TermsView.of(terms), terms.maxRedemptions(), terms.redeemBy(),
                row.get(COUPON_REDEEMED), coupon.getArchivedAt() != null, instant(coupon.getArchivedAt()),
                instant(coupon.getCreatedAt()));
    }

    private static PromotionCodeView toPromotionCode(Record row) {
        PromotionCodesRecord code = row.into(PROMOTION_CODES);
        return new PromotionCodeView(code.getCode(), code.getCoupon(), code.getMaxRedemptions(),
                instant(code.getExpiresAt()), code.getFirstTimeOnly(), code.getMinimumAmountMicrocents(),
                row.get(CODE_REDEEMED), instant(code.getCreatedAt()));
    }
}
