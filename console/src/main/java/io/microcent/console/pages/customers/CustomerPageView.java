package io.microcent.console.pages.customers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.microcent.console.pages.coupons.CouponTerms;
import io.microcent.console.pages.invoices.InvoiceSummary;
import io.microcent.console.pages.invoices.InvoiceView;
import io.microcent.console.pages.plans.PlanOption;
import io.microcent.model.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * One customer's page, from the services that own each part: invoicing (customer, plan, usage against the
 * allowance, upcoming invoice, invoices, coupons, history), rating (usage per model), caps (its caps) and ingest
 * (keys scoped to it).
 */
public record CustomerPageView(CustomerSummary customer, PlanOption plan, List<PlanOption> plans, Usage usage,
                               List<ModelUsage> models, InvoiceView upcoming, List<InvoiceSummary> invoices,
                               List<Redemption> redemptions, List<Cap> caps, List<Key> keys, List<Decision> history) {

    /** This period's usage as invoicing counts it; {@code included} is the current plan's allowance. */
    public record Usage(String period, long requests, long included, long overage, long chargeMicrocents, long costMicrocents) {

        /** How full the allowance is, 0–100, for the meter. */
        public int percent() {
            if (included <= 0) {
                return requests > 0 ? 100 : 0;
            }
            return (int) Math.min(100, requests * 100 / included);
        }

        public String meterClass() {
            if (included <= 0 || requests > included) {
                return requests > 0 ? "over" : "";
            }
            return requests * 100 >= included * 80 ? "warn" : "";
        }
    }

    public record ModelUsage(String provider, String model, long requests, long inputTokens, long outputTokens,
                             long costMicrocents, long chargeMicrocents) {
    }

    public record Redemption(String coupon, String promotionCode, String value, String duration, String redeemedAt, String endsAt) {
    }

    public record Cap(String id, String scope, String scopeId, long amountMicrocents, String period, String measure, String mode) {
    }

    public record Key(String id, String name, String createdAt, String revokedAt) {
    }

    /**
     * A decision of the customer's history.
     *
     * @param summary the event's telling fields in a line; {@code detail} the whole event, pretty-printed
     */
    public record Decision(String type, String aggregate, String time, String actor, String summary, String detail) {

        /** The invoice this decision is about, or empty. */
        public String invoice() {
            return aggregate.startsWith("invoice/") ? aggregate.substring("invoice/".length()) : "";
        }
    }

    /** Fields of an event worth a line on the history, in this order. */
    private static final List<String> TELLING = List.of("name", "plan", "previousPlan", "timing", "effectiveAt", "period",
            "revision", "coupon", "promotionCode", "status", "source", "reason", "stripeCustomerId");

    static CustomerPageView of(JsonNode customer, JsonNode plans, JsonNode usage, JsonNode breakdown, JsonNode upcoming,
                               JsonNode invoices, JsonNode coupons, JsonNode caps, JsonNode keys, JsonNode history) {
        CustomerSummary summary = CustomerSummary.of(customer);
        List<PlanOption> options = PlanOption.of(plans);
        PlanOption plan = options.stream().filter(p -> p.id().equals(summary.plan())).findFirst()
                .orElse(new PlanOption(summary.plan(), summary.plan(), 0));
        List<ModelUsage> models = new ArrayList<>();
        for (JsonNode model : breakdown.path("models")) {
            models.add(new ModelUsage(model.path("provider").asText(""), model.path("model").asText(""), model.path("requests").asLong(),
                    model.path("inputTokens").asLong(), model.path("outputTokens").asLong(), model.path("costMicrocents").asLong(),
                    model.path("chargeMicrocents").asLong()));
        }
        List<InvoiceSummary> invoiceRows = new ArrayList<>();
        invoices.path("invoices").forEach(invoice -> invoiceRows.add(InvoiceSummary.of(invoice)));
        List<Redemption> redemptions = new ArrayList<>();
        for (JsonNode redemption : coupons.path("coupons")) {
            redemptions.add(new Redemption(redemption.path("coupon").asText(), redemption.path("promotionCode").asText(""),
                    CouponTerms.value(redemption), CouponTerms.duration(redemption), redemption.path("redeemedAt").asText(""),
                    redemption.path("endsAt").asText("")));
        }
        List<Cap> capRows = new ArrayList<>();
        for (JsonNode cap : caps.path("caps")) {
            capRows.add(new Cap(cap.path("id").asText(), cap.path("scope").asText(), cap.path("scopeId").asText(""),
                    cap.path("amountMicrocents").asLong(), cap.path("period").asText(), cap.path("measure").asText(), cap.path("mode").asText()));
        }
        List<Key> keyRows = new ArrayList<>();
        for (JsonNode key : keys.path("keys")) {
            if (summary.id().equals(key.path("customer").asText(""))) {
                keyRows.add(new Key(key.path("id").asText(), key.path("name").asText(), key.path("createdAt").asText(""),
                        key.path("revokedAt").asText("")));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        for (JsonNode event : history.path("events")) {
            decisions.add(new Decision(event.path("type").asText(), event.path("aggregate").asText(""), event.path("time").asText(""),
                    event.path("actor").asText("unknown"), telling(event.path("detail")), pretty(event.path("detail"))));
        }
        return new CustomerPageView(summary, plan, options,
                new Usage(usage.path("period").asText(), usage.path("requests").asLong(), usage.path("includedRequests").asLong(),
                        usage.path("overageRequests").asLong(), usage.path("chargeMicrocents").asLong(), usage.path("costMicrocents").asLong()),
                models, InvoiceView.of(upcoming), invoiceRows, redemptions, capRows, keyRows, decisions);
    }

    private static String telling(JsonNode detail) {
        List<String> parts = new ArrayList<>();
        for (String field : TELLING) {
            JsonNode value = detail.path(field);
            if (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
                parts.add(field + " " + value.asText());
            }
        }
        return String.join(" · ", parts);
    }

    private static String pretty(JsonNode detail) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            return detail.toString();
        }
    }
}
