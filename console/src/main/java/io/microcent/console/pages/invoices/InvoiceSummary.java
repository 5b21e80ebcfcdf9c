package io.microcent.console.pages.invoices;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One invoice as a row of a list (the invoices page, a customer's page, the CSV): figures in cents as the
 * invoicing service fixed them at finalization (a draft's are what finalizing now would give).
 */
public record InvoiceSummary(String id, String customer, String period, int revision, String status, String stripeStatus,
                             long subtotalCents, long discountCents, long totalCents, long amountDueCents,
                             long totalMicrocents, String createdAt, String finalizedAt, String paidAt) {

    public static InvoiceSummary of(JsonNode invoice) {
        return new InvoiceSummary(invoice.path("id").asText(), invoice.path("customer").asText(), invoice.path("period").asText(),
                invoice.path("revision").asInt(), invoice.path("status").asText(), invoice.path("stripe").path("status").asText(""),
                invoice.path("subtotalCents").asLong(), invoice.path("discountCents").asLong(), invoice.path("totalCents").asLong(),
                invoice.path("amountDueCents").asLong(), invoice.path("totalMicrocents").asLong(),
                invoice.path("createdAt").asText(""), invoice.path("finalizedAt").asText(""), invoice.path("paidAt").asText(""));
    }

    /** {@code Payment failed} for {@code payment_failed}. */
    public String statusLabel() {
        return InvoiceStatus.label(status);
    }

    public String stripeLabel() {
        return InvoiceStatus.stripeLabel(stripeStatus);
    }
}
