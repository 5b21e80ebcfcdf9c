package io.microcent.console.pages.invoices;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One invoice as its page shows it: its lines and totals in cents as the invoicing service rounded them (each
 * line once; totals are sums of rounded lines, so the page adds up), dates, Stripe's side, and which of the
 * operator's actions its state allows (the service decides in the end; these only hide what it would refuse).
 */
public record InvoiceView(String id, String customer, String period, int revision, String status, List<Line> lines,
                          long subtotalCents, long discountCents, long totalCents, long amountDueCents, long creditCents,
                          long totalMicrocents, boolean early, String createdAt, String finalizedAt, String paidAt,
                          String voidedAt, Stripe stripe) {

    /** @param unitPrice exact dollars per unit as the service writes it ({@code 0.005}), or empty */
    public record Line(String kind, String description, long quantity, String unitPrice, long amountCents,
                       long amountMicrocents) {
    }

    /** @param status {@code off}, {@code pending}, {@code synced}, {@code failed} or {@code not_required} */
    public record Stripe(String status, String invoiceId, String lastError, Long totalCents) {

        public String label() {
            return InvoiceStatus.stripeLabel(status);
        }
    }

    private static final Set<String> VOIDABLE = Set.of("finalized", "payment_failed");
    private static final Set<String> RETRYABLE = Set.of("failed", "pending");

    public static InvoiceView of(JsonNode invoice) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode line : invoice.path("lines")) {
            lines.add(new Line(line.path("kind").asText(), line.path("description").asText(), line.path("quantity").asLong(),
                    line.path("unitPrice").asText(""), line.path("amountCents").asLong(), line.path("amountMicrocents").asLong()));
        }
        JsonNode stripe = invoice.path("stripe");
        return new InvoiceView(invoice.path("id").asText(), invoice.path("customer").asText(), invoice.path("period").asText(),
                invoice.path("revision").asInt(), invoice.path("status").asText(), lines,
                invoice.path("subtotalCents").asLong(), invoice.path("discountCents").asLong(), invoice.path("totalCents").asLong(),
                invoice.path("amountDueCents").asLong(), invoice.path("creditCents").asLong(), invoice.path("totalMicrocents").asLong(),
                invoice.path("early").asBoolean(), invoice.path("createdAt").asText(""), invoice.path("finalizedAt").asText(""),
                invoice.path("paidAt").asText(""), invoice.path("voidedAt").asText(""),
                new Stripe(stripe.path("status").asText(""), stripe.path("invoiceId").asText(""), stripe.path("lastError").asText(""),
                        stripe.path("totalCents").isNumber() ? stripe.path("totalCents").asLong() : null));
    }

    public String statusLabel() {
        return InvoiceStatus.label(status);
    }

    public boolean mayFinalize() {
        return status.equals("draft");
    }

    public boolean mayVoid() {
        return VOIDABLE.contains(status) && paidAt.isEmpty();
    }

    public boolean mayRetrySync() {
        return RETRYABLE.contains(stripe.status());
    }

    public boolean isDraft() {
        return status.equals("draft") || status.equals("upcoming");
    }
}
