package io.microcent.console.pages.coupons;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.pages.plans.PlanOption;

import java.util.ArrayList;
import java.util.List;

/** A coupon's page: its terms, its promotion codes and every redemption. */
public record CouponPageView(CouponSummary coupon, List<PromotionCode> promotionCodes, List<Redemption> redemptions) {

    public record PromotionCode(String code, long timesRedeemed, Long maxRedemptions, String expiresAt, boolean firstTimeOnly,
                                Long minimumAmountMicrocents, String createdAt) {

        public String redemptions() {
            return maxRedemptions == null ? String.valueOf(timesRedeemed) : timesRedeemed + " / " + maxRedemptions;
        }
    }

    public record Redemption(String customer, String promotionCode, String redeemedAt, String endsAt) {
    }

    static CouponPageView of(JsonNode coupon, JsonNode promotionCodes, JsonNode redemptions) {
        List<PromotionCode> codes = new ArrayList<>();
        for (JsonNode code : promotionCodes.path("promotionCodes")) {
            codes.add(new PromotionCode(code.path("code").asText(), code.path("timesRedeemed").asLong(),
                    code.path("maxRedemptions").isNumber() ? code.path("maxRedemptions").asLong() : null,
                    code.path("expiresAt").asText(""), code.path("firstTimeOnly").asBoolean(),
                    code.path("minimumAmountMicrocents").isNumber() ? code.path("minimumAmountMicrocents").asLong() : null,
                    code.path("createdAt").asText("")));
        }
        List<Redemption> rows = new ArrayList<>();
        for (JsonNode redemption : redemptions.path("redemptions")) {
            rows.add(new Redemption(redemption.path("customer").asText(), redemption.path("promotionCode").asText(""),
                    redemption.path("redeemedAt").asText(""), redemption.path("endsAt").asText("")));
        }
        return new CouponPageView(CouponSummary.of(coupon), codes, rows);
    }

    /**
     * The coupons page: every coupon with how many promotion codes it has, and the catalog for the create form's
     * plan restriction.
     */
    public record ListView(List<CouponSummary> coupons, java.util.Map<String, Integer> promotionCodes, List<PlanOption> plans) {

        static ListView of(JsonNode coupons, JsonNode promotionCodes, JsonNode plans) {
            List<CouponSummary> rows = new ArrayList<>();
            coupons.path("coupons").forEach(coupon -> rows.add(CouponSummary.of(coupon)));
            java.util.Map<String, Integer> codes = new java.util.HashMap<>();
            promotionCodes.path("promotionCodes").forEach(code -> codes.merge(code.path("coupon").asText(), 1, Integer::sum));
            return new ListView(rows, codes, PlanOption.of(plans));
        }

        public int promotionCodesOf(String coupon) {
            return promotionCodes.getOrDefault(coupon, 0);
        }
    }
}
