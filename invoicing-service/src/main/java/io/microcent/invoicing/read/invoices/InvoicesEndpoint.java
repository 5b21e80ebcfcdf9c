package io.microcent.invoicing.read.invoices;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/invoices} (newest first, paged; filters {@code status}, {@code customer}, {@code period}),
 * {@code GET /v1/invoices/{id}} and {@code GET /v1/customers/{id}/invoices}.
 */
public final class InvoicesEndpoint implements HttpRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final OperatorAuth auth;
    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final StripeStatuses stripe;

    public InvoicesEndpoint(OperatorAuth auth, InvoiceRepository invoices, CustomerRepository customers, StripeStatuses stripe) {
        this.auth = auth;
        this.invoices = invoices;
        this.customers = customers;
        this.stripe = stripe;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/invoices", this::list);
        routes.get("/v1/invoices/{id}", this::get);
        routes.get("/v1/customers/{id}/invoices", this::ofCustomer);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        InvoiceStatus status = QueryParams.parsed(ctx, "status", InvoicesEndpoint::status);
        CustomerId customer = QueryParams.parsed(ctx, "customer", CustomerId::of);
        var filter = new InvoiceRepository.Filter(status, customer, QueryParams.period(ctx, "period"));
        InvoiceRepository.Cursor cursor = QueryParams.parsed(ctx, "cursor", InvoiceRepository.Cursor::decode);
        int limit = QueryParams.wholeNumber(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<InvoiceRow> page = invoices.page(filter, cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("invoices", views(page));
        body.put("nextCursor", page.size() < limit ? null
                : new InvoiceRepository.Cursor(page.getLast().createdAt(), page.getLast().id()).encode());
        ctx.json(body);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        ctx.json(require(invoices, stripe, PathIds.invoice(ctx)));
    }

    private void ofCustomer(Context ctx) {
        auth.require(ctx);
        CustomerId customer = PathIds.customer(ctx);
        if (customers.find(customer).isEmpty()) {
            throw new ApiException(ErrorCode.CUSTOMER_NOT_FOUND, "no customer " + customer);
        }
        List<InvoiceRow> rows = invoices.page(new InvoiceRepository.Filter(null, customer, null), null, Integer.MAX_VALUE);
        ctx.json(Map.of("invoices", views(rows)));
    }

    /** The invoice as the API shows it, or 404 {@code invoice_not_found}. */
    public static InvoiceView require(InvoiceRepository invoices, StripeStatuses stripe, InvoiceId id) {
        InvoiceRow row = invoices.find(id)
                .orElseThrow(() -> new ApiException(ErrorCode.INVOICE_NOT_FOUND, "no invoice " + id));
        return InvoiceView.of(row, stripe.of(id));
    }

    private List<InvoiceView> views(List<InvoiceRow> rows) {
        Map<InvoiceId, StripeStatuses.StripeStatus> statuses = stripe.ofAll(rows.stream().map(InvoiceRow::id).toList());
        return rows.stream().map(row -> InvoiceView.of(row, statuses.get(row.id()))).toList();
    }

    private static InvoiceStatus status(String raw) {
        return Arrays.stream(InvoiceStatus.values()).filter(s -> s.jsonName().equals(raw)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of draft, finalized, paid, payment_failed, void, uncollectible"));
    }
}
