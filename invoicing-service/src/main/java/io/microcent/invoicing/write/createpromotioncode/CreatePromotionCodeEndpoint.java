package io.microcent.invoicing.write.createpromotioncode;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.invoicing.read.coupons.CouponRepository;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponFields;
import io.microcent.invoicing.write.coupon.PromotionCodeTerms;
import io.microcent.model.error.ErrorCode;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.RequestFields;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /v1/promotion-codes} {@code {"code":"LAUNCH","coupon":"FOUNDER"}}: a customer-facing code for a
 * coupon, unique across every coupon regardless of case (409 {@code promotion_code_exists}).
 */
public final class CreatePromotionCodeEndpoint implements HttpRoutes {

    record Request(String code, String coupon, BigDecimal maxRedemptions, String expiresAt, Boolean firstTimeOnly,
                   BigDecimal minimumAmountMicrocents) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CouponRepository coupons;
    private final Clock clock;

    public CreatePromotionCodeEndpoint(OperatorAuth auth, CommandSender commands, CouponRepository coupons, Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.coupons = coupons;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/promotion-codes", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        CreatePromotionCode command = toCommand(JsonBodies.read(ctx, Request.class), clock.instant());
        commands.send(command);
        String code = command.promotionCode().code();
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/v1/promotion-codes?coupon=" + command.coupon())
                .json(coupons.promotionCode(code).orElseThrow(
                        () -> new ApiException(ErrorCode.PROMOTION_CODE_NOT_FOUND, "no promotion code " + code)));
    }

    private static CreatePromotionCode toCommand(Request body, Instant now) {
        RequestFields fields = new RequestFields();
        String code = fields.required("code", body.code(), raw -> CouponCode.check("code", raw));
        CouponCode coupon = fields.required("coupon", body.coupon(), raw -> CouponCode.of(CouponCode.check("coupon", raw)));
        Long maxRedemptions = fields.wholeNumber("maxRedemptions", body.maxRedemptions(), 1, Integer.MAX_VALUE, false);
        Instant expiresAt = CouponFields.futureInstant(fields, "expiresAt", body.expiresAt(), now);
        Long minimum = fields.wholeNumber("minimumAmountMicrocents", body.minimumAmountMicrocents(), 1, Long.MAX_VALUE, false);
        fields.throwIfInvalid();
        return new CreatePromotionCode(coupon, new PromotionCodeTerms(code, maxRedemptions, expiresAt,
                Boolean.TRUE.equals(body.firstTimeOnly()), minimum), now);
    }
}
