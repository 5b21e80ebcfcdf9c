package io.microcent.invoicing.read.invoicepdf;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.read.customers.CustomerView;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceView;
import io.microcent.invoicing.read.invoices.InvoicesEndpoint;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

/**
 * {@code GET /v1/invoices/{id}/pdf}: the invoice as a PDF ({@link InvoicePdf}), drawn from the same view as
 * {@code GET /v1/invoices/{id}}, so its figures are the API's. 404 {@code invoice_not_found}.
 */
public final class InvoicePdfEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final StripeStatuses stripe;

    public InvoicePdfEndpoint(OperatorAuth auth, InvoiceRepository invoices, CustomerRepository customers, StripeStatuses stripe) {
        this.auth = auth;
        this.invoices = invoices;
        this.customers = customers;
        this.stripe = stripe;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/invoices/{id}/pdf", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        InvoiceId id = PathIds.invoice(ctx);
        InvoiceView invoice = InvoicesEndpoint.require(invoices, stripe, id);
        CustomerView customer = customers.find(CustomerId.of(invoice.customer()))
                .orElseThrow(() -> new IllegalStateException("invoice " + id + " bills a customer the read model does not have"));
        ctx.contentType("application/pdf");
        ctx.res().setCharacterEncoding(null); // bytes, not text: no charset on the content type
        ctx.header("Content-Disposition", "inline; filename=\"" + id.raw() + ".pdf\"");
        ctx.result(InvoicePdf.render(invoice, customer));
    }
}
