package io.microcent.invoicing.read.coupons;

import io.microcent.invoicing.db.tables.records.CouponRedemptionsRecord;
import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.money.Microcents;
import org.jooq.DSLContext;

import java.util.List;
import java.util.Optional;

import static io.microcent.invoicing.db.Tables.COUPON_REDEMPTIONS;
import static io.microcent.invoicing.read.coupons.StoredTerms.instant;

/**
 * The coupons each customer redeemed: as the invoice generator applies them ({@link #forCustomer}) and as
 * the API shows them ({@link #viewsOf}). Both in redemption order, each with the coupon's terms as of its
 * redemption.
 */
public final class RedemptionRepository {

    private final DSLContext db;

    public RedemptionRepository(DSLContext db) {
        this.db = db;
    }

    /** The customer's redemptions for {@code InvoiceGenerator.generate}, a promotion code's minimum included. */
    public List<Redemption> forCustomer(CustomerId customer) {
        return rowsOf(customer).stream().map(RedemptionRepository::toRedemption).toList();
    }

    /** Each customer's redemptions (as {@link #forCustomer}), with one query for all of them; customers without any are absent. */
    public java.util.Map<CustomerId, List<Redemption>> forCustomers(java.util.Collection<CustomerId> customers) {
        java.util.Map<CustomerId, List<Redemption>> byCustomer = new java.util.LinkedHashMap<>();
        if (customers.isEmpty()) {
            return byCustomer;
        }
        String[] ids = customers.stream().map(CustomerId::raw).distinct().toArray(String[]::new);
        db.selectFrom(COUPON_REDEMPTIONS)
                .where(COUPON_REDEMPTIONS.CUSTOMER.eq(org.jooq.impl.DSL.any(org.jooq.impl.DSL.val(ids))))
                .orderBy(COUPON_REDEMPTIONS.CUSTOMER, COUPON_REDEMPTIONS.REDEEMED_AT, COUPON_REDEMPTIONS.SEQ)
                .fetch()
                .forEach(row -> byCustomer.computeIfAbsent(CustomerId.of(row.getCustomer()), c -> new java.util.ArrayList<>())
                        .add(toRedemption(row)));
        return byCustomer;
    }

    public List<RedemptionView> viewsOf(CustomerId customer) {
        return rowsOf(customer).stream().map(RedemptionRepository::toView).toList();
    }

    /** Every redemption of {@code coupon} (with its code or a promotion code), in redemption order. */
    public List<RedemptionView> viewsOfCoupon(CouponCode coupon) {
        return db.selectFrom(COUPON_REDEMPTIONS)
                .where(COUPON_REDEMPTIONS.COUPON.eq(coupon.raw()))
                .orderBy(COUPON_REDEMPTIONS.REDEEMED_AT, COUPON_REDEMPTIONS.SEQ)
                .fetch(RedemptionRepository::toView);
    }

    public Optional<RedemptionView> find(CouponCode coupon, CustomerId customer) {
        return db.selectFrom(COUPON_REDEMPTIONS)
                .where(COUPON_REDEMPTIONS.COUPON.eq(coupon.raw()), COUPON_REDEMPTIONS.CUSTOMER.eq(customer.raw()))
                .fetchOptional(RedemptionRepository::toView);
    }

    private List<CouponRedemptionsRecord> rowsOf(CustomerId customer) {
        return db.selectFrom(COUPON_REDEMPTIONS)
                .where(COUPON_REDEMPTIONS.CUSTOMER.eq(customer.raw()))
                .orderBy(COUPON_REDEMPTIONS.REDEEMED_AT, COUPON_REDEMPTIONS.SEQ)
                .fetch();
    }

    private static Redemption toRedemption(CouponRedemptionsRecord row) {
        return new Redemption(row.getId(),
                StoredTerms.read(row.getTerms()).toCoupon(CouponCode.of(row.getCoupon())),
                instant(row.getRedeemedAt()), Optional.ofNullable(instant(row.getEndsAt())),
                Optional.ofNullable(row.getMinimumAmountMicrocents()).map(Microcents::of));
    }

    private static RedemptionView toView(CouponRedemptionsRecord row) {
        return new RedemptionView(row.getId(), row.getCustomer(), row.getCoupon(), row.getPromotionCode(),
                instant(row.getRedeemedAt()), instant(row.getEndsAt()), TermsView.of(StoredTerms.read(row.getTerms())),
                row.getMinimumAmountMicrocents());
    }
}
