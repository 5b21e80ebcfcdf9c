package io.microcent.console.pages.invoices;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.microcent.console.api.Api;
import io.microcent.console.api.ApiPages;
import io.microcent.console.api.ApiProblem;
import io.microcent.console.api.ServiceName;
import io.microcent.console.format.Csv;
import io.microcent.console.format.Money;
import io.microcent.console.web.Answers;
import io.microcent.console.web.ConsoleArea;
import io.microcent.console.web.ConsoleRequest;
import io.microcent.console.web.Nav;
import io.microcent.console.web.Pages;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/invoices}: the invoices by status, Stripe status, period and search, their CSV, each invoice's
 * page with its PDF, and the operator's finalize, void and retry-sync.
 */
public final class InvoicesArea implements ConsoleArea {

    static final int PAGE_SIZE = 50;
    /** The API's largest page, for the export. */
    static final int EXPORT_PAGE_SIZE = 500;

    @Override
    public void register(RoutesConfig routes, Pages pages) {
        routes.get(Nav.INVOICES.path(), pages.page(this::list));
        routes.get(Nav.INVOICES.path() + ".csv", pages.page(this::csv));
        routes.get(Nav.INVOICES.path() + "/{id}", pages.page(this::show));
        routes.get(Nav.INVOICES.path() + "/{id}/pdf", pages.page(this::pdf));
        routes.post(Nav.INVOICES.path() + "/{id}/finalize", pages.action(this::finalizeInvoice));
        routes.post(Nav.INVOICES.path() + "/{id}/void", pages.action(this::voidInvoice));
        routes.post(Nav.INVOICES.path() + "/{id}/sync", pages.action(this::retrySync));
    }

    private void list(ConsoleRequest request) {
        InvoiceFilter filter = InvoiceFilter.of(request);
        String cursor = request.param("cursor").orElse(null);
        JsonNode page = request.api().get(ServiceName.INVOICING, "/v1/invoices", filter.query(PAGE_SIZE, cursor));
        // the period's figures: the filtered one, else the newest listed invoice's
        String period = !filter.period().isEmpty() ? filter.period() : page.path("invoices").path(0).path("period").asText("");
        JsonNode summary = period.isEmpty() ? null
                : request.api().get(ServiceName.INVOICING, "/v1/invoices/summary", Api.Query.of("period", period));
        request.render("Invoices", Nav.INVOICES, "invoices/list.jte",
                Map.of("view", InvoiceListView.of(filter, page, cursor != null, summary)));
    }

    private void csv(ConsoleRequest request) {
        InvoiceFilter filter = InvoiceFilter.of(request);
        List<JsonNode> invoices = ApiPages.all(cursor -> request.api().get(ServiceName.INVOICING, "/v1/invoices",
                filter.query(EXPORT_PAGE_SIZE, cursor)), "invoices");
        Csv csv = new Csv().row("invoice", "customer", "period", "revision", "status", "stripe_status", "subtotal_usd",
                "discount_usd", "total_usd", "amount_due_usd", "total_exact_usd", "total_microcents", "created_at",
                "finalized_at", "paid_at");
        for (JsonNode invoice : invoices) {
            InvoiceSummary row = InvoiceSummary.of(invoice);
            csv.row(row.id(), row.customer(), row.period(), row.revision(), row.status(), row.stripeStatus(),
                    cents(row.subtotalCents()), cents(row.discountCents()), cents(row.totalCents()), cents(row.amountDueCents()),
                    dollars(row.totalMicrocents()), row.totalMicrocents(), row.createdAt(), row.finalizedAt(), row.paidAt());
        }
        Answers.csv(request, "invoices.csv", csv);
    }

    /** Exact dollars as a number (a spreadsheet sums it exactly; a credit stays negative). */
    private static BigDecimal dollars(long microcents) {
        return new BigDecimal(Money.of(microcents).exactDollars());
    }

    private static BigDecimal cents(long cents) {
        return dollars(Math.multiplyExact(cents, 10_000L));
    }

    private void show(ConsoleRequest request) {
        String id = request.path("id");
        JsonNode invoice = request.api().get(ServiceName.INVOICING, "/v1/invoices/" + Api.segment(id), Api.Query.none());
        InvoiceView view = InvoiceView.of(invoice);
        request.render("Invoice " + view.id(), Nav.INVOICES, "invoices/page.jte", Map.of("view", view));
    }

    /** The service's PDF passed through, so the browser never needs a token of its own. */
    private void pdf(ConsoleRequest request) {
        String id = request.path("id");
        Api.Binary pdf = request.api().download(ServiceName.INVOICING, "/v1/invoices/" + Api.segment(id) + "/pdf");
        request.ctx().contentType(pdf.contentType())
                .header("Content-Disposition", pdf.disposition() != null ? pdf.disposition() : "inline; filename=\"" + id + ".pdf\"")
                .result(pdf.body());
    }

    private void finalizeInvoice(ConsoleRequest request) {
        change(request, "finalize", invoice -> "Invoice finalized: " + Money.of(invoice.path("amountDueCents").asLong() * 10_000L).display() + " due.");
    }

    private void voidInvoice(ConsoleRequest request) {
        change(request, "void", invoice -> "Invoice voided. The month is invoiced again under the next revision at the next period close.");
    }

    private void retrySync(ConsoleRequest request) {
        change(request, "sync", sync -> "Stripe sync retried: " + InvoiceStatus.stripeLabel(sync.path("status").asText()).toLowerCase(java.util.Locale.ROOT)
                + (sync.path("lastError").isTextual() ? " (" + sync.path("lastError").asText() + ")" : "") + ".");
    }

    private static void change(ConsoleRequest request, String action, java.util.function.Function<JsonNode, String> notice) {
        String id = request.path("id");
        String page = Nav.INVOICES.path() + "/" + Api.segment(id);
        try {
            JsonNode answer = request.api().post(ServiceName.INVOICING, "/v1/invoices/" + Api.segment(id) + "/" + action, Api.Query.none(), null);
            request.redirect(page, notice.apply(answer));
        } catch (ApiProblem problem) {
            Answers.refused(request, page, problem);
        }
    }
}
