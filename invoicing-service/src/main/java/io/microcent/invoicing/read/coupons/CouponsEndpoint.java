package io.microcent.invoicing.read.coupons;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomersEndpoint;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponPaths;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.id.InvalidIdException;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/coupons}, {@code GET /v1/coupons/{code}}, {@code GET /v1/promotion-codes[?coupon=]} and
 * {@code GET /v1/customers/{id}/coupons} and {@code GET /v1/coupons/{code}/redemptions}, for operators. Lists are objects, so paging can be added later.
 */
public final class CouponsEndpoint implements HttpRoutes {

    public record CouponList(List<CouponView> coupons) {
    }

    public record PromotionCodeList(List<PromotionCodeView> promotionCodes) {
    }

    public record RedemptionList(List<RedemptionView> coupons) {
    }

    public record CouponRedemptionList(List<RedemptionView> redemptions) {
    }

    private final OperatorAuth auth;
    private final CouponRepository coupons;
    private final RedemptionRepository redemptions;
    private final CustomerRepository customers;

    public CouponsEndpoint(OperatorAuth auth, CouponRepository coupons, RedemptionRepository redemptions,
                           CustomerRepository customers) {
        this.auth = auth;
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.customers = customers;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/coupons", this::list);
        routes.get("/v1/coupons/{code}", this::get);
        routes.get("/v1/promotion-codes", this::promotionCodes);
        routes.get("/v1/customers/{id}/coupons", this::redemptions);
        routes.get("/v1/coupons/{code}/redemptions", this::redemptionsOfCoupon);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        ctx.json(new CouponList(coupons.all()));
    }

    private void get(Context ctx) {
        auth.require(ctx);
        ctx.json(require(coupons, CouponPaths.code(ctx)));
    }

    private void promotionCodes(Context ctx) {
        auth.require(ctx);
        String coupon = ctx.queryParam("coupon");
        try {
            ctx.json(new PromotionCodeList(coupons.promotionCodes(Optional.ofNullable(coupon).map(CouponCode::of))));
        } catch (InvalidIdException e) {
            throw ApiException.badParameter("coupon", "coupon " + e.reason());
        }
    }

    private void redemptions(Context ctx) {
        auth.require(ctx);
        CustomerId customer = PathIds.customer(ctx);
        CustomersEndpoint.require(customers, customer);
        ctx.json(new RedemptionList(redemptions.viewsOf(customer)));
    }

    private void redemptionsOfCoupon(Context ctx) {
        auth.require(ctx);
        CouponCode code = CouponPaths.code(ctx);
        require(coupons, code);
        ctx.json(new CouponRedemptionList(redemptions.viewsOfCoupon(code)));
    }

    /** The coupon, or {@code COUPON_NOT_FOUND}. */
    public static CouponView require(CouponRepository coupons, CouponCode code) {
        return coupons.find(code).orElseThrow(() -> new ApiException(ErrorCode.COUPON_NOT_FOUND, "no coupon " + code));
    }
}
