package io.microcent.console.pages.pricebook;

import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.format.DollarInput;

import java.util.ArrayList;
import java.util.List;

/** The price book page: a page of models with their prices, the next page, and the unpriced models. */
public record PriceBookView(List<ModelRow> models, String next, String search, List<Unpriced> unpriced) {

    /**
     * A price as shown: dollars per million tokens, exactly (the price book's per-token decimal moved six
     * places, nothing rounded), with the per-token figure for the hover title. Empty when the book has none.
     */
    public record Price(String perMillion, String perToken) {

        static Price of(JsonNode perToken) {
            String text = perToken.isMissingNode() || perToken.isNull() ? null : perToken.asText();
            return new Price(text == null ? "" : "$" + atLeastCents(DollarInput.perMillionOfPerToken(text)), text == null ? "" : "$" + text + " per token");
        }

        /** {@code 0.3} → {@code 0.30}, as money reads; every finer digit kept ({@code 0.003625}). */
        private static String atLeastCents(String dollars) {
            java.math.BigDecimal exact = new java.math.BigDecimal(dollars);
            return exact.scale() < 2 ? exact.setScale(2).toPlainString() : exact.toPlainString();
        }

        public boolean isSet() {
            return !perMillion.isEmpty();
        }
    }

    public record PriceRow(String effectiveFrom, String provider, Price input, Price output, Price cacheRead, Price cacheWrite,
                           String longContext, String source, String recordedAt, boolean current) {

        static PriceRow of(JsonNode price, boolean current) {
            JsonNode tier = price.path("longContext");
            String longContext = tier.isObject() ? "above " + String.format(java.util.Locale.ROOT, "%,d", tier.path("aboveInputTokens").asLong())
                    + " tokens: input " + Price.of(tier.path("inputPerToken")).perMillion() + ", output " + Price.of(tier.path("outputPerToken")).perMillion() : "";
            return new PriceRow(price.path("effectiveFrom").asText(), price.path("provider").asText(""),
                    Price.of(price.path("inputPerToken")), Price.of(price.path("outputPerToken")),
                    Price.of(price.path("cacheReadPerToken")), Price.of(price.path("cacheWritePerToken")),
                    longContext, price.path("source").asText(""), price.path("recordedAt").asText(""), current);
        }
    }

    /** {@code current} null when no price is in effect yet; {@code history} oldest first. */
    public record ModelRow(String model, PriceRow current, List<PriceRow> history) {
    }

    public record Unpriced(String model, String provider, long events, String firstSeen, String lastSeen, String customers) {
    }

    static PriceBookView of(JsonNode models, JsonNode unpriced, String search) {
        List<ModelRow> rows = new ArrayList<>();
        for (JsonNode model : models.path("models")) {
            JsonNode current = model.path("current");
            List<PriceRow> history = new ArrayList<>();
            for (JsonNode price : model.path("history")) {
                history.add(PriceRow.of(price, current.isObject() && price.path("effectiveFrom").asText().equals(current.path("effectiveFrom").asText())));
            }
            rows.add(new ModelRow(model.path("model").asText(), current.isObject() ? PriceRow.of(current, true) : null, history));
        }
        List<Unpriced> missing = new ArrayList<>();
        for (JsonNode model : unpriced.path("models")) {
            List<String> customers = new ArrayList<>();
            model.path("customers").forEach(c -> customers.add(c.asText()));
            missing.add(new Unpriced(model.path("model").asText(), model.path("provider").asText(""), model.path("events").asLong(),
                    model.path("firstSeen").asText(), model.path("lastSeen").asText(), String.join(", ", customers)));
        }
        return new PriceBookView(rows, models.path("next").asText(""), search, missing);
    }
}
