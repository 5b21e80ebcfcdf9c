package io.microcent.console.pages.coupons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.web.Answers;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.util.Map;

/**
 * {@code /console/coupons}: coupons and their promotion codes (Stripe's model, as invoicing keeps it), created
 * and archived by operators, with every redemption.
 */
public final class CouponsArea implements ConsoleArea {

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        String base = Nav.COUPONS.path();
        routes.get(base, pages.page(this::list));
        routes.post(base, pages.action(this::create));
        routes.get(base + "/{code}", pages.page(this::show));
        routes.post(base + "/{code}/archive", pages.action(this::archive));
        routes.post(base + "/{code}/promotion-codes", pages.action(this::createPromotionCode));
    }

    private void list(ConsoleRequest request) {
        JsonNode coupons = request.api().get(ServiceName.INVOICING, "/v1/coupons", Api.Query.none());
        JsonNode codes = request.api().get(ServiceName.INVOICING, "/v1/promotion-codes", Api.Query.none());
        JsonNode plans = request.api().get(ServiceName.INVOICING, "/v1/plans", Api.Query.none());
        request.render("Coupons and promotion codes", Nav.COUPONS, "coupons/list.jte",
                Map.of("view", CouponPageView.ListView.of(coupons, codes, plans)));
    }

    private void create(ConsoleRequest request) {
        try {
            ObjectNode body = new CouponForm(request).text("code", "code").text("name", "name").text("percentOff", "percentOff")
                    .dollars("amountOff", "amountOffMicrocents").text("duration", "duration").count("durationInMonths", "durationInMonths")
                    .count("maxRedemptions", "maxRedemptions").instant("redeemBy", "redeemBy").list("plans", "plans")
                    .list("billingIntervals", "billingIntervals").body();
            JsonNode coupon = request.api().post(ServiceName.INVOICING, "/v1/coupons", Api.Query.none(), body);
            request.redirect(page(coupon.path("code").asText()), "Coupon " + coupon.path("code").asText() + " created.");
        } catch (ApiProblem problem) {
            Answers.refused(request, Nav.COUPONS.path() + "#create", problem);
        }
    }

    private void show(ConsoleRequest request) {
        String code = request.path("code");
        String path = "/v1/coupons/" + Api.segment(code);
        JsonNode coupon = request.api().get(ServiceName.INVOICING, path, Api.Query.none());
        JsonNode codes = request.api().get(ServiceName.INVOICING, "/v1/promotion-codes", Api.Query.of("coupon", code));
        JsonNode redemptions = request.api().get(ServiceName.INVOICING, path + "/redemptions", Api.Query.none());
        request.render("Coupon " + coupon.path("code").asText(), Nav.COUPONS, "coupons/page.jte",
                Map.of("view", CouponPageView.of(coupon, codes, redemptions)));
    }

    private void archive(ConsoleRequest request) {
        String code = request.path("code");
        try {
            request.api().delete(ServiceName.INVOICING, "/v1/coupons/" + Api.segment(code));
            request.redirect(page(code), "Coupon " + code + " archived: no new redemptions; those made keep applying.");
        } catch (ApiProblem problem) {
            Answers.refused(request, page(code), problem);
        }
    }

    private void createPromotionCode(ConsoleRequest request) {
        String coupon = request.path("code");
        try {
            ObjectNode body = new CouponForm(request).text("code", "code").count("maxRedemptions", "maxRedemptions")
                    .instant("expiresAt", "expiresAt").flag("firstTimeOnly", "firstTimeOnly")
                    .dollars("minimumAmount", "minimumAmountMicrocents").body();
            body.put("coupon", coupon);
            JsonNode created = request.api().post(ServiceName.INVOICING, "/v1/promotion-codes", Api.Query.none(), body);
            request.redirect(page(coupon), "Promotion code " + created.path("code").asText() + " created.");
        } catch (ApiProblem problem) {
            Answers.refused(request, page(coupon) + "#promotion-codes", problem);
        }
    }

    private static String page(String code) {
        return Nav.COUPONS.path() + "/" + Api.segment(code);
    }
}
