package io.microcent.console.pages.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.format.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan catalog ({@code GET /v1/plans}) in plain words. Prices are the catalog's exact dollar strings
 * ({@code 0.005}), shown as written, never rounded: a price is not an amount owed.
 */
public record PlansView(List<Plan> plans) {

    public record Plan(String id, String name, long monthlyFeeMicrocents, List<Charge> charges, String passThrough) {
    }

    /**
     * @param sentence the charge in a sentence; {@code tiers} its tiers (graduated and volume charges), else empty
     */
    public record Charge(String meter, String model, String sentence, List<Tier> tiers) {

        public String modelLabel() {
            return switch (model) {
                case "allowance" -> "Allowance";
                case "graduated" -> "Graduated tiers";
                case "volume" -> "Volume tiers";
                case "package" -> "Package";
                default -> model;
            };
        }
    }

    /** @param range {@code 1–1,000}, {@code 1,001 and more} */
    public record Tier(String range, String unitPrice, String flatFee) {
    }

    static PlansView of(JsonNode catalog) {
        List<Plan> plans = new ArrayList<>();
        for (JsonNode plan : catalog.path("plans")) {
            List<Charge> charges = new ArrayList<>();
            for (JsonNode charge : plan.path("charges")) {
                charges.add(charge(charge));
            }
            JsonNode pass = plan.path("tokenPassThrough");
            plans.add(new Plan(plan.path("id").asText(), plan.path("name").asText(), plan.path("monthlyFeeMicrocents").asLong(),
                    charges, pass.isObject() ? "Tokens at the provider's cost plus " + percent(pass.path("markup").asText()) + "% markup" : ""));
        }
        return new PlansView(plans);
    }

    private static Charge charge(JsonNode charge) {
        String meter = charge.path("meter").asText();
        String unit = unit(meter);
        String model = charge.path("model").asText();
        return switch (model) {
            case "allowance" -> new Charge(meter, model, allowance(charge.path("included").asLong(), unit)
                    + "$" + charge.path("unitPrice").asText() + " each", List.of());
            case "package" -> new Charge(meter, model, allowance(charge.path("included").asLong(), unit)
                    + "$" + charge.path("blockPrice").asText() + " per started block of " + count(charge.path("blockSize").asLong(), unit), List.of());
            case "graduated" -> new Charge(meter, model, "Each " + unit + " is priced at its own tier's rate:", tiers(charge));
            case "volume" -> new Charge(meter, model, "Every " + unit + " of the month is priced at the rate of the tier the month's total reaches:", tiers(charge));
            default -> new Charge(meter, model, charge.path("explained").asText(), List.of());
        };
    }

    /** {@code First 1,000 requests included, then } or {@code } with nothing included. */
    private static String allowance(long included, String unit) {
        return included > 0 ? "First " + count(included, unit) + " included, then " : "";
    }

    private static List<Tier> tiers(JsonNode charge) {
        List<Tier> tiers = new ArrayList<>();
        long from = 1;
        for (JsonNode tier : charge.path("tiers")) {
            String range;
            if (tier.path("upTo").isNumber()) {
                long upTo = tier.path("upTo").asLong();
                range = Numbers.grouped(from) + "–" + Numbers.grouped(upTo);
                from = upTo + 1;
            } else {
                range = Numbers.grouped(from) + " and more";
            }
            String flat = tier.path("flatFee").asText("0.00");
            tiers.add(new Tier(range, "$" + tier.path("unitPrice").asText(), isZero(flat) ? "" : "$" + flat));
        }
        return tiers;
    }

    private static boolean isZero(String decimal) {
        return new java.math.BigDecimal(decimal).signum() == 0;
    }

    private static String count(long quantity, String unit) {
        return Numbers.grouped(quantity) + " " + unit + (quantity == 1 ? "" : "s");
    }

    private static String unit(String meter) {
        return switch (meter) {
            case "requests" -> "request";
            case "input_tokens", "inputTokens" -> "input token";
            case "output_tokens", "outputTokens" -> "output token";
            case "total_tokens", "totalTokens" -> "token";
            default -> meter.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String percent(String fraction) {
        return new java.math.BigDecimal(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
