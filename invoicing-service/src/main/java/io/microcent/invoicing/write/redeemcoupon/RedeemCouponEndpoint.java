package io.microcent.invoicing.write.redeemcoupon;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.coupons.CouponRepository;
import io.microcent.invoicing.read.coupons.RedemptionRepository;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.error.FieldError;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.RequestFields;

import java.time.Clock;
import java.util.List;

/**
 * {@code POST /v1/customers/{id}/coupons} {@code {"code":"FOUNDER"}} or {@code {"promotionCode":"LAUNCH"}}:
 * redeems a coupon for a customer, 201 with the redemption. The coupon aggregate decides
 * ({@link RedeemCouponHandler}); a promotion code is first looked up to find its coupon.
 */
public final class RedeemCouponEndpoint implements HttpRoutes {

    record Request(String code, String promotionCode) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CouponRepository coupons;
    private final RedemptionRepository redemptions;
    private final Clock clock;

    public RedeemCouponEndpoint(OperatorAuth auth, CommandSender commands, CouponRepository coupons,
                                RedemptionRepository redemptions, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/customers/{id}/coupons", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        CustomerId customer = PathIds.customer(ctx);
        RedeemCoupon command = toCommand(customer, JsonBodies.read(ctx, Request.class));
        commands.send(command);
        ctx.status(HttpStatus.CREATED).json(redemptions.find(command.coupon(), customer).orElseThrow(
                () -> new ApiException(ErrorCode.COUPON_NOT_FOUND, "no redemption of " + command.coupon())));
    }

    private RedeemCoupon toCommand(CustomerId customer, Request body) {
        RequestFields fields = new RequestFields();
        CouponCode code = fields.optional("code", body.code(), CouponCode::of, null);
        String promotionCode = fields.optional("promotionCode", body.promotionCode(),
                raw -> CouponCode.check("promotionCode", raw), null);
        if (body.code() == null && body.promotionCode() == null) {
            fields.reject("code", "required", "one of code and promotionCode is required");
        } else if (body.code() != null && body.promotionCode() != null) {
            fields.reject("promotionCode", "conflict", "give code or promotionCode, not both");
        }
        fields.throwIfInvalid();
        if (promotionCode == null) {
            return new RedeemCoupon(code, null, customer, clock.instant());
        }
        CouponCode coupon = coupons.couponOfPromotionCode(promotionCode).orElseThrow(() -> new ApiException(
                ErrorCode.PROMOTION_CODE_NOT_FOUND, "no promotion code " + promotionCode,
                List.of(FieldError.of("promotionCode",
                        ErrorCode.PROMOTION_CODE_NOT_FOUND.code(), "no promotion code " + promotionCode))));
        return new RedeemCoupon(coupon, promotionCode, customer, clock.instant());
    }
}
