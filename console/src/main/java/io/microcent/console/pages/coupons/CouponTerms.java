package io.microcent.console.pages.coupons;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.format.Money;

import java.util.ArrayList;
import java.util.List;

/** A coupon's terms (on a coupon or a redemption, as the invoicing API writes them) in plain words. */
public final class CouponTerms {

    private CouponTerms() {
    }

    /** {@code 25% off}, {@code $2.00 off}. */
    public static String value(JsonNode terms) {
        if (terms.path("percentOff").isTextual() || terms.path("percentOff").isNumber()) {
            return terms.path("percentOff").asText() + "% off";
        }
        return Money.of(terms.path("amountOffMicrocents").asLong()).display() + " off";
    }

    /** {@code once}, {@code for 12 months}, {@code forever}. */
    public static String duration(JsonNode terms) {
        return switch (terms.path("duration").asText()) {
            case "repeating" -> "for " + terms.path("durationInMonths").asInt() + " month" + (terms.path("durationInMonths").asInt() == 1 ? "" : "s");
            case "once" -> "once";
            case "forever" -> "forever";
            default -> terms.path("duration").asText();
        };
    }

    /** {@code plans starter, growth; yearly billing}, or empty. */
    public static String restrictions(JsonNode terms) {
        List<String> parts = new ArrayList<>();
        List<String> plans = strings(terms.path("plans"));
        if (!plans.isEmpty()) {
            parts.add((plans.size() == 1 ? "plan " : "plans ") + String.join(", ", plans));
        }
        List<String> intervals = strings(terms.path("billingIntervals"));
        if (!intervals.isEmpty()) {
            parts.add(String.join(", ", intervals.stream().map(i -> i.equals("year") ? "yearly" : "monthly").toList()) + " billing");
        }
        return String.join("; ", parts);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
