package io.microcent.invoicing.read.invoices;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.api.SearchTerm;
import io.microcent.invoicing.read.customers.CustomerRepository;
import io.microcent.invoicing.write.invoice.InvoiceId;
import io.microcent.invoicing.write.invoice.InvoiceStatus;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/invoices} (newest first, paged; filters {@code status}, {@code customer}, {@code period},
 * {@code stripeStatus}, {@code search}), {@code GET /v1/invoices/summary}, {@code GET /v1/invoices/{id}} and
 * {@code GET /v1/customers/{id}/invoices}.
 */
public final class InvoicesEndpoint implements HttpRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** The Stripe statuses an invoice can show ({@code StripeStatuses.StripeStatus#status}). */
    static final List<String> STRIPE_STATUSES = List.of("off", "pending", "synced", "failed", "not_required");

    /** A page, and where the next one starts ({@code null} after the last, and said so). */
    public record InvoiceList(List<InvoiceView> invoices, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
    }

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
        // before /v1/invoices/{id}: the first matching route answers
        routes.get("/v1/invoices/summary", this::summary);
        routes.get("/v1/invoices/{id}", this::get);
        routes.get("/v1/customers/{id}/invoices", this::ofCustomer);
    }

    private void list(Context ctx) {
        auth.require(ctx);
        InvoiceStatus status = QueryParams.parsed(ctx, "status", InvoicesEndpoint::status);
        CustomerId customer = QueryParams.parsed(ctx, "customer", CustomerId::of);
        String stripeStatus = QueryParams.parsed(ctx, "stripeStatus", InvoicesEndpoint::stripeStatus);
        var filter = new InvoiceRepository.Filter(status, customer, QueryParams.period(ctx, "period"), stripeStatus,
                QueryParams.parsed(ctx, "search", SearchTerm::parse));
        InvoiceRepository.Cursor cursor = QueryParams.parsed(ctx, "cursor", InvoiceRepository.Cursor::decode);
        int limit = QueryParams.wholeNumber(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<InvoiceRow> page = invoices.page(filter, cursor, limit);
        ctx.json(new InvoiceList(views(page), page.size() < limit ? null
                : new InvoiceRepository.Cursor(page.getLast().createdAt(), page.getLast().id()).encode()));
    }

    private void summary(Context ctx) {
        auth.require(ctx);
        BillingPeriod period = QueryParams.period(ctx, "period");
        if (period == null) {
            throw ApiException.badParameter("period", "period is required: a month like 2026-11");
        }
        ctx.json(invoices.summary(period));
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
        List<InvoiceRow> rows = invoices.page(InvoiceRepository.Filter.ofCustomer(customer), null, Integer.MAX_VALUE);
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

    private static String stripeStatus(String raw) {
        if (!STRIPE_STATUSES.contains(raw)) {
            throw new IllegalArgumentException("must be one of " + String.join(", ", STRIPE_STATUSES));
        }
        return raw;
    }

    private static InvoiceStatus status(String raw) {
        return Arrays.stream(InvoiceStatus.values()).filter(s -> s.jsonName().equals(raw)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of draft, finalized, paid, payment_failed, void, uncollectible"));
    }
}
