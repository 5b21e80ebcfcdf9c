package io.microcent.invoicing.write.createcoupon;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.microcent.invoicing.generate.BillingInterval;
import io.microcent.invoicing.generate.Coupon;
import io.microcent.invoicing.read.coupons.CouponsEndpoint;
import io.microcent.invoicing.read.coupons.CouponRepository;
import io.microcent.invoicing.write.coupon.CouponCode;
import io.microcent.invoicing.write.coupon.CouponDuration;
import io.microcent.invoicing.write.coupon.CouponFields;
import io.microcent.invoicing.write.coupon.CouponTerms;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.IdRule;
import io.microcent.model.id.PlanId;
import io.microcent.model.plan.PlanCatalog;
import io.microcent.platform.axon.CommandSender;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.JsonBodies;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.RequestFields;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/coupons}: creates a coupon. Every field is checked before anything is sent, and all
 * problems are reported together; 409 {@code coupon_exists} for a code in use.
 */
public final class CreateCouponEndpoint implements HttpRoutes {

    /** More decimals than any real percentage needs; more would only make the arithmetic slow. */
    private static final int MAX_PERCENT_DECIMALS = 10;

    /** The body as sent; {@code percentOff} as a JSON node, so that both {@code "12.5"} and {@code 12.5} are exact. */
    record Request(String code, String name, JsonNode percentOff, BigDecimal amountOffMicrocents, String duration,
                   BigDecimal durationInMonths, BigDecimal maxRedemptions, String redeemBy, List<String> plans,
                   List<String> billingIntervals) {
    }

    private final OperatorAuth auth;
    private final CommandSender commands;
    private final CouponRepository coupons;
    private final PlanCatalog plans;
    private final Clock clock;

    public CreateCouponEndpoint(OperatorAuth auth, CommandSender commands, CouponRepository coupons, PlanCatalog plans,
                                Clock clock) {
        this.auth = auth;
        this.commands = commands;
        this.coupons = coupons;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/v1/coupons", this::post);
    }

    private void post(Context ctx) {
        auth.require(ctx);
        CreateCoupon command = toCommand(JsonBodies.read(ctx, Request.class), clock.instant());
        commands.send(command, ErrorCode.COUPON_EXISTS);
        ctx.status(HttpStatus.CREATED)
                .header("Location", "/v1/coupons/" + command.coupon())
                .json(CouponsEndpoint.require(coupons, command.coupon()));
    }

    private CreateCoupon toCommand(Request body, Instant now) {
        RequestFields fields = new RequestFields();
        CouponCode code = fields.required("code", body.code(), CouponCode::of);
        String name = fields.optional("name", body.name(), raw -> IdRule.LABEL.check("name", raw), null);
        BigDecimal percentOff = percentOff(fields, body.percentOff());
        Long amountOff = fields.wholeNumber("amountOffMicrocents", body.amountOffMicrocents(), 1, Long.MAX_VALUE, false);
        boolean percentSent = body.percentOff() != null && !body.percentOff().isNull();
        if (!percentSent && body.amountOffMicrocents() == null) {
            fields.reject("percentOff", "required", "one of percentOff and amountOffMicrocents is required");
        } else if (percentSent && body.amountOffMicrocents() != null) {
            fields.reject("amountOffMicrocents", "conflict", "give percentOff or amountOffMicrocents, not both");
        }
        CouponDuration duration = fields.required("duration", body.duration(), CouponDuration::fromApi);
        Long months = fields.wholeNumber("durationInMonths", body.durationInMonths(), 1, 1200, duration == CouponDuration.REPEATING);
        if (duration != null && duration != CouponDuration.REPEATING && body.durationInMonths() != null) {
            fields.reject("durationInMonths", "not_allowed", "durationInMonths is only for a repeating coupon");
        }
        Long maxRedemptions = fields.wholeNumber("maxRedemptions", body.maxRedemptions(), 1, Integer.MAX_VALUE, false);
        Instant redeemBy = CouponFields.futureInstant(fields, "redeemBy", body.redeemBy(), now);
        List<PlanId> planIds = plans(fields, body.plans());
        List<BillingInterval> intervals = intervals(fields, body.billingIntervals());
        fields.throwIfInvalid();
        CouponTerms terms = new CouponTerms(name, percentOff, amountOff, duration,
                months == null ? null : months.intValue(), maxRedemptions, redeemBy, planIds, intervals);
        return new CreateCoupon(code, terms, now, false);
    }

    /**
     * The percentage, exact, whether sent as text or as a number. It is checked as a number (never written out
     * in full before it is known to be small: {@code 1e-999999999} would be a billion digits).
     */
    private static BigDecimal percentOff(RequestFields fields, JsonNode raw) {
        if (raw == null || raw.isNull()) {
            return null;
        }
        BigDecimal percent;
        if (raw.isNumber()) {
            percent = raw.decimalValue();
        } else if (raw.isTextual()) {
            try {
                percent = new BigDecimal(raw.textValue());
            } catch (NumberFormatException e) {
                fields.reject("percentOff", "invalid", "percentOff must be a decimal number such as \"12.5\"");
                return null;
            }
        } else {
            fields.reject("percentOff", "wrong_type", "percentOff must be a decimal number or decimal text such as \"12.5\"");
            return null;
        }
        if (percent.stripTrailingZeros().scale() > MAX_PERCENT_DECIMALS) {
            fields.reject("percentOff", "invalid", "percentOff may have at most " + MAX_PERCENT_DECIMALS + " decimals");
            return null;
        }
        try {
            return new Coupon.PercentOff(percent).percent();
        } catch (IllegalArgumentException e) {
            fields.reject("percentOff", "out_of_range", "percentOff must be more than 0 and at most 100");
            return null;
        }
    }

    private List<PlanId> plans(RequestFields fields, List<String> raw) {
        List<PlanId> planIds = new ArrayList<>();
        for (int i = 0; raw != null && i < raw.size(); i++) {
            String field = "plans[" + i + "]";
            PlanId plan = fields.required(field, raw.get(i), PlanId::of);
            if (plan != null && plans.find(plan).isEmpty()) {
                fields.reject(field, ErrorCode.UNKNOWN_PLAN.code(), "plan " + plan + " is not in the catalog");
            } else if (plan != null) {
                planIds.add(plan);
            }
        }
        return planIds;
    }

    private static List<BillingInterval> intervals(RequestFields fields, List<String> raw) {
        List<BillingInterval> intervals = new ArrayList<>();
        for (int i = 0; raw != null && i < raw.size(); i++) {
            BillingInterval interval = fields.required("billingIntervals[" + i + "]", raw.get(i), text -> switch (text) {
                case "month", "year" -> BillingInterval.valueOf(text.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("a billing interval is month or year");
            });
            if (interval != null) {
                intervals.add(interval);
            }
        }
        return intervals;
    }
}
