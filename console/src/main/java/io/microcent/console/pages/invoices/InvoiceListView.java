package io.microcent.console.pages.invoices;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The invoices page: one page of the filtered list, the cursor of the next, and the period's figures as the
 * invoicing service sums them ({@code GET /v1/invoices/summary}, never the rows on screen added up).
 */
public record InvoiceListView(InvoiceFilter filter, List<InvoiceSummary> invoices, String nextCursor, boolean paged,
                              PeriodFigures figures) {

    /** The summary of one period; {@code amountDueCents} counts finalized invoices only (drafts have none yet). */
    public record PeriodFigures(String period, long count, long totalMicrocents, long amountDueCents, long failed,
                                long drafts) {
    }

    public List<InvoiceStatus.Option> statuses() {
        return InvoiceStatus.STATUSES;
    }

    public List<InvoiceStatus.Option> stripeStatuses() {
        return InvoiceStatus.STRIPE_STATUSES;
    }

    static InvoiceListView of(InvoiceFilter filter, JsonNode page, boolean paged, JsonNode summary) {
        List<InvoiceSummary> rows = new ArrayList<>();
        page.path("invoices").forEach(invoice -> rows.add(InvoiceSummary.of(invoice)));
        String next = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        return new InvoiceListView(filter, rows, next, paged, summary == null ? null : figures(summary));
    }

    private static PeriodFigures figures(JsonNode summary) {
        long count = 0;
        long total = 0;
        long due = 0;
        long failed = 0;
        long drafts = 0;
        for (JsonNode status : summary.path("statuses")) {
            count = Math.addExact(count, status.path("count").asLong());
            String name = status.path("status").asText();
            if (!name.equals("void")) {
                total = Math.addExact(total, status.path("totalMicrocents").asLong());
                due = Math.addExact(due, status.path("amountDueCents").asLong());
            }
            if (name.equals("payment_failed")) {
                failed = status.path("count").asLong();
            }
            if (name.equals("draft")) {
                drafts = status.path("count").asLong();
            }
        }
        return new PeriodFigures(summary.path("period").asText(), count, total, due, failed, drafts);
    }
}
