package io.microcent.invoicing.write.redeemcoupon;

import io.microcent.invoicing.generate.Redemption;
import io.microcent.invoicing.write.CustomerNotFound;
import io.microcent.invoicing.write.coupon.CouponEvent;
import io.microcent.invoicing.write.coupon.CouponRejection;
import io.microcent.invoicing.write.coupon.CouponState;
import io.microcent.invoicing.write.coupon.PromotionCodeState;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;
import io.microcent.invoicing.write.coupon.CouponTerms;

import java.util.List;
import java.util.Locale;

/**
 * Decides a redemption, under the coupon's lock so that its limits hold across concurrent requests: the
 * coupon (and the promotion code) exist, the customer exists, the coupon is not archived and its dates have
 * not passed, redemptions are left (of the coupon and of the code), the customer has not redeemed it before,
 * its plan and billing interval are ones the coupon is for, and a first-time-only code is used by a customer
 * without a finalized invoice.
 */
public final class RedeemCouponHandler {

    private final CustomerTerms customers;
    private final FinalizedInvoices invoices;

    public RedeemCouponHandler(CustomerTerms customers, FinalizedInvoices invoices) {
        this.customers = customers;
        this.invoices = invoices;
    }

    public List<CouponEvent> decide(RedeemCoupon command, CouponState state) {
        String field = command.field();
        if (!state.exists()) {
            throw CouponRejection.notFound(field, command.coupon());
        }
        PromotionCodeState code = command.promotionCode() == null ? null : state.promotionCode(command.promotionCode())
                .orElseThrow(() -> CouponRejection.promotionCodeNotFound(command.promotionCode()));
        CustomerTerms.Terms customer = customers.of(command.customer())
                .orElseThrow(() -> new CustomerNotFound(command.customer()));
        CouponTerms terms = state.terms();

        if (state.archived()) {
            throw CouponRejection.archived(field, command.coupon());
        }
        if (!terms.redeemableAt(command.requestedAt())) {
            throw CouponRejection.expired(field, "coupon " + command.coupon() + " (redeem by " + terms.redeemBy() + ")");
        }
        if (code != null && !code.terms().redeemableAt(command.requestedAt())) {
            throw CouponRejection.expired(field, "promotion code " + code.terms().code() + " (expired at " + code.terms().expiresAt() + ")");
        }
        if (terms.maxRedemptions() != null && state.timesRedeemed() >= terms.maxRedemptions()) {
            throw CouponRejection.exhausted(field, "coupon " + command.coupon(), terms.maxRedemptions());
        }
        if (code != null && code.terms().maxRedemptions() != null && code.timesRedeemed() >= code.terms().maxRedemptions()) {
            throw CouponRejection.exhausted(field, "promotion code " + code.terms().code(), code.terms().maxRedemptions());
        }
        if (state.redeemedBy(command.customer())) {
            throw CouponRejection.alreadyRedeemed(field, command.coupon());
        }
        if (!terms.toCoupon(command.coupon()).appliesTo(customer.plan(), customer.interval())) {
            throw CouponRejection.notApplicable(field, command.coupon(), "is not for plan " + customer.plan()
                    + " billed by the " + customer.interval().name().toLowerCase(Locale.ROOT));
        }
        if (code != null && code.terms().firstTimeOnly() && invoices.exist(command.customer())) {
            throw CouponRejection.promotionCodeNotEligible(code.terms().code());
        }

        String id = RedemptionId.of(command.coupon(), command.customer());
        Redemption redemption = Redemption.of(id, terms.toCoupon(command.coupon()), command.requestedAt());
        PromotionCodeTerms codeTerms = code == null ? null : code.terms();
        return List.of(new CouponRedeemed(command.coupon(), id, command.customer(),
                codeTerms == null ? null : codeTerms.code(), command.requestedAt(), redemption.endsAt().orElse(null),
                terms, codeTerms == null ? null : codeTerms.minimumAmountMicrocents()));
    }
}
