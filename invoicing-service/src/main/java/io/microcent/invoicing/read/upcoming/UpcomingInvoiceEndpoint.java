package io.microcent.invoicing.read.upcoming;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.microcent.invoicing.api.PathIds;
import io.microcent.invoicing.billing.BillingReader;
import io.microcent.invoicing.billing.CustomerBilling;
import io.microcent.invoicing.read.invoices.InvoiceView;
import io.microcent.invoicing.read.invoices.StripeStatuses;
import io.microcent.invoicing.write.invoice.InvoiceLines;
import io.microcent.model.error.ErrorCode;
import io.microcent.model.id.CustomerId;
import io.microcent.model.usage.BillingPeriod;
import io.microcent.platform.http.ApiException;
import io.microcent.platform.http.HttpRoutes;
import io.microcent.platform.http.OperatorAuth;

import java.time.Clock;

/**
 * {@code GET /v1/customers/{id}/invoices/upcoming}: the open period's invoice as it stands now, computed by the
 * generator and not stored (status {@code upcoming}, no id). Earlier drafts count as if finalized as they are.
 */
public final class UpcomingInvoiceEndpoint implements HttpRoutes {

    private final OperatorAuth auth;
    private final BillingReader billing;
    private final Clock clock;

    public UpcomingInvoiceEndpoint(OperatorAuth auth, BillingReader billing, Clock clock) {
        this.auth = auth;
        this.billing = billing;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/customers/{id}/invoices/upcoming", this::get);
    }

    private void get(Context ctx) {
        auth.require(ctx);
        CustomerId id = PathIds.customer(ctx);
        BillingPeriod open = BillingPeriod.containing(clock.instant());
        CustomerBilling customer = billing.customer(id, open)
                .orElseThrow(() -> new ApiException(ErrorCode.CUSTOMER_NOT_FOUND, "no customer " + id));
        ctx.json(InvoiceView.preview(null, id.raw(), open.toString(), customer.nextRevision(open), "upcoming",
                InvoiceLines.draft(customer.previewLinesFor(open)), null, StripeStatuses.off().of(null)));
    }
}
