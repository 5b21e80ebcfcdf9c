package io.microcent.invoicing.read.reconciliation;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.read.invoices.InvoiceRepository;
import io.microcent.invoicing.read.invoices.InvoiceRow;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;
import io.microcent.platform.http.QueryParams;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.microcent.invoicing.db.Tables.INVOICES;
import static io.microcent.invoicing.db.Tables.USAGE_PERIODS;

/**
 * {@code GET /v1/reconciliation?period=YYYY-MM}: per customer Σ rated charge, Σ usage lines billed for the period
 * (on its invoice and as adjustments on later ones), the invoice total, the amount due and Stripe's total; any
 * difference flagged. {@code differencesOnly=true} lists only the customers with one.
 */
public final class ReconciliationEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final DSLContext db;
    private final InvoiceRepository invoices;
    private final StripeStatuses stripe;

    public ReconciliationEndpoint(OperatorAuth auth, DSLContext db, InvoiceRepository invoices, StripeStatuses stripe) {
        this.auth = auth;
        this.db = db;
        this.invoices = invoices;
        this.stripe = stripe;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/reconciliation", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        BillingPeriod period = QueryParams.period(ctx, "period");
        if (period == null) {
            throw ApiException.badParameter("period", "period is required, a month like 2026-11");
        }
        boolean differencesOnly = "true".equals(ctx.queryParam("differencesOnly"));
        Map<CustomerId, Long> rated = new HashMap<>();
        db.select(USAGE_PERIODS.CUSTOMER, USAGE_PERIODS.CHARGE_MICROCENTS).from(USAGE_PERIODS)
                .where(USAGE_PERIODS.PERIOD.eq(period.toString()))
                .forEach(row -> rated.put(CustomerId.of(row.value1()), row.value2()));
        List<CustomerId> customers = new ArrayList<>(rated.keySet());
        db.selectDistinct(INVOICES.CUSTOMER).from(INVOICES).where(INVOICES.PERIOD.eq(period.toString()))
                .forEach(row -> customers.add(CustomerId.of(row.value1())));
        Map<CustomerId, List<InvoiceRow>> billing = new HashMap<>();
        invoices.ofCustomers(customers.stream().distinct().toList()).forEach((customer, rows) -> billing.put(customer,
                rows.stream().filter(row -> row.period().compareTo(period) >= 0).toList()));
        Reconciliation.Report report = Reconciliation.of(period, rated, billing, stripe);
        if (differencesOnly) {
            report = new Reconciliation.Report(report.period(), report.customers(), report.withDifferences(),
                    report.ratedChargeMicrocents(), report.usageLinesMicrocents(), report.amountDueCents(),
                    report.rows().stream().filter(row -> !row.differences().isEmpty()).toList());
        }
        ctx.json(report);
    }
}
