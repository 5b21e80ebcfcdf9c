package io.microcent.console.pages.coupons;

import com.fasterxml.jackson.databind.JsonNode;

/** A coupon as the list and its page show it, its terms in plain words. */
public record CouponSummary(String code, String name, String value, String duration, String restrictions,
                            long timesRedeemed, Long maxRedemptions, String redeemBy, boolean archived,
                            String archivedAt, String createdAt) {

    public static CouponSummary of(JsonNode coupon) {
        return new CouponSummary(coupon.path("code").asText(), coupon.path("name").asText(""), CouponTerms.value(coupon),
                CouponTerms.duration(coupon), CouponTerms.restrictions(coupon), coupon.path("timesRedeemed").asLong(),
                coupon.path("maxRedemptions").isNumber() ? coupon.path("maxRedemptions").asLong() : null,
                coupon.path("redeemBy").asText(""), coupon.path("archived").asBoolean(), coupon.path("archivedAt").asText(""),
                coupon.path("createdAt").asText(""));
    }

    /** {@code archived}, {@code exhausted} (every redemption used) or {@code active}. */
    public String status() {
        if (archived) {
            return "archived";
        }
        return maxRedemptions != null && timesRedeemed >= maxRedemptions ? "exhausted" : "active";
    }

    /** {@code 3 / 10}, or {@code 3} without a limit. */
    public String redemptions() {
        return maxRedemptions == null ? String.valueOf(timesRedeemed) : timesRedeemed + " / " + maxRedemptions;
    }
}
